package dev.authstack.web.containers;

import jakarta.json.Json;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import dev.authstack.it.Api;

/**
 * The Redis primary of the containers paused under load, and what the API does meanwhile. Four clients log in through
 * nginx, call /hello and log out, recording every answer's time and status and every token whose logout answered 200.
 * After a steady load the primary the Sentinels name is paused ({@code podman pause}: it stops answering, as a hung
 * machine or a cut cable does). The failover window runs from the pause to the last answer other than 200; the load
 * goes on until 3 s have passed without one, with logins and /hello among them (120 s at most). Then every
 * logged-out token is sent again.
 */
final class RedisFailoverUnderLoad {

    private static final int CLIENTS = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long STEADY_MS = 3000;

    record Answer(long at, String operation, int status) {
    }

    record LoggedOut(long at, String token) {
    }

    /** The figures of one run. */
    record Result(String primary, String container, String newPrimary, boolean recovered, long killedAt, long windowEnd,
                  long pauseMs, List<Answer> answers, List<LoggedOut> loggedOut, int accepted) {

        long windowMs() {
            return windowEnd - killedAt;
        }

        private boolean inside(long at) {
            return at >= killedAt && at <= windowEnd;
        }

        List<Answer> insideWindow() {
            return answers.stream().filter(answer -> inside(answer.at())).toList();
        }

        /** "COUNT STATUS ..." of the answers inside the window. */
        String insideStatuses() {
            Map<Integer, Long> counts = insideWindow().stream()
                    .collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
            return counts.entrySet().stream().map(count -> count.getValue() + " " + count.getKey()).collect(Collectors.joining(" "));
        }

        long insideOdd() {
            return insideWindow().stream().filter(answer -> answer.status() != 200 && answer.status() != 503).count();
        }

        long outsideFailed() {
            return answers.stream().filter(answer -> !inside(answer.at()) && answer.status() != 200).count();
        }

        long loggedOutBefore() {
            return loggedOut.stream().filter(token -> token.at() < killedAt).count();
        }

        long loggedOutDuring() {
            return loggedOut.stream().filter(token -> inside(token.at())).count();
        }

        long loggedOutAfter() {
            return loggedOut.stream().filter(token -> token.at() > windowEnd).count();
        }

        void print() {
            System.out.printf("   podman pause %s, the primary (took %d ms); the Sentinels name %s now%n", container, pauseMs, newPrimary);
            System.out.printf("   logins and /hello answered 200 again %.1f s after the pause (the last answer other than 200); "
                            + "%d answers in all, %d inside that window: %s; %d other than 200 outside it%n",
                    windowMs() / 1000.0, answers.size(), insideWindow().size(), insideStatuses(), outsideFailed());
            System.out.printf("   %d logouts answered 200 (%d before the pause, %d during the window, %d after); "
                            + "%d of their tokens not refused (401) afterwards%n",
                    loggedOut.size(), loggedOutBefore(), loggedOutDuring(), loggedOutAfter(), accepted);
        }
    }

    private final Api api;
    private final String loginBody;
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Queue<LoggedOut> loggedOut = new ConcurrentLinkedQueue<>();
    private volatile boolean stop;

    RedisFailoverUnderLoad(Api api, String username, String password) {
        this.api = api;
        this.loginBody = Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }

    Result run() throws InterruptedException {
        String primary = Stores.sentinelPrimary(1).split(" ")[0];
        String container = RunningContainers.container(primary);
        List<Thread> clients = new ArrayList<>();
        for (int n = 0; n < CLIENTS; n++) {
            Thread client = new Thread(this::client, "failover-client-" + n);
            client.start();
            clients.add(client);
        }
        // A steady load first: the failover happens under it, not before it.
        Thread.sleep(4000);
        long killedAt = System.currentTimeMillis();
        RunningContainers.podman("pause", container);
        long pauseMs = System.currentTimeMillis() - killedAt;
        Instant deadline = Instant.now().plusSeconds(120);
        boolean recovered = false;
        while (Instant.now().isBefore(deadline)) {
            if (steady(killedAt)) {
                recovered = true;
                break;
            }
            Thread.sleep(500);
        }
        stop = true;
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(40).toMillis());
        }
        long windowEnd = windowEnd(killedAt);
        String newPrimary = Stores.sentinelPrimary(1).split(" ")[0];
        List<LoggedOut> tokens = loggedOut.stream().sorted(Comparator.comparingLong(LoggedOut::at)).toList();
        return new Result(primary, container, newPrimary, recovered, killedAt, windowEnd, pauseMs,
                List.copyOf(answers), tokens, accepted(tokens));
    }

    /** Log in, /hello, log out, until stopped. */
    private void client() {
        while (!stop) {
            Api.Answer login = send("login", api.request("auth/login", null).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(loginBody)));
            if (login == null || login.status() != 200) {
                RunningContainers.pause(Duration.ofMillis(50));
                continue;
            }
            String token = login.json().getString("access_token");
            send("hello", api.request("hello", token).timeout(TIMEOUT).GET());
            Api.Answer logout = send("logout", api.request("auth/logout", token).timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.noBody()));
            if (logout != null && logout.status() == 200) {
                loggedOut.add(new LoggedOut(System.currentTimeMillis(), token));
            }
        }
    }

    /** Sends and records the answer; no answer at all (a timeout, a refused connection) is recorded as status 0. */
    private Api.Answer send(String operation, HttpRequest.Builder request) {
        Api.Answer answer;
        try {
            answer = api.send(request);
        } catch (UncheckedIOException e) {
            answer = null;
        }
        answers.add(new Answer(System.currentTimeMillis(), operation, answer == null ? 0 : answer.status()));
        return answer;
    }

    /** The end of the window: the last answer other than 200 at or after the pause, else the pause itself. */
    private long windowEnd(long killedAt) {
        return answers.stream().filter(answer -> answer.at() >= killedAt && answer.status() != 200)
                .mapToLong(Answer::at).max().orElse(killedAt);
    }

    /** The last 3 s held no answer other than 200, and both a login and a /hello answered 200 in them. */
    private boolean steady(long killedAt) {
        long last = windowEnd(killedAt);
        boolean login = false;
        boolean hello = false;
        for (Answer answer : answers) {
            if (answer.at() > last && answer.status() == 200) {
                login |= answer.operation().equals("login");
                hello |= answer.operation().equals("hello");
            }
        }
        return System.currentTimeMillis() - last >= STEADY_MS && login && hello;
    }

    /** How many of the logged-out tokens /hello does not refuse with 401 now. */
    int accepted(List<LoggedOut> tokens) {
        int accepted = 0;
        for (LoggedOut token : tokens) {
            Api.Answer answer;
            try {
                answer = api.send(api.request("hello", token.token()).timeout(TIMEOUT).GET());
            } catch (UncheckedIOException e) {
                answer = null;
            }
            if (answer == null || answer.status() != 401) {
                accepted++;
            }
        }
        return accepted;
    }

    /**
     * podman unpause of the old primary; how many seconds until it says it is a replica (ROLE) with its link to the new
     * primary up, or -1 when that does not happen within the bound.
     */
    static long unpauseOldPrimary(String container, Duration bound) {
        Instant started = Instant.now();
        RunningContainers.podman("unpause", container);
        while (!(Stores.asSentinelUser(container, "ROLE").lines().findFirst().orElse("").strip().equals("slave")
                && Stores.asSentinelUser(container, "INFO", "replication").contains("master_link_status:up"))) {
            if (Duration.between(started, Instant.now()).compareTo(bound) > 0) {
                return -1;
            }
            RunningContainers.pause(Duration.ofSeconds(1));
        }
        return Duration.between(started, Instant.now()).toSeconds();
    }
}
