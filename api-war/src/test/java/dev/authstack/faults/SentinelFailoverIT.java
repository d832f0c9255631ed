package dev.authstack.faults;

import jakarta.json.Json;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.authstack.it.Api;
import dev.authstack.it.Eventually;
import dev.authstack.it.SecondInstance;
import dev.authstack.it.SentinelRedis;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis's primary dies under a login, hello and logout load, and Sentinel promotes the replica. The API follows: it
 * answers again within seconds, answers nothing but 503 meanwhile, and no token whose logout was answered 200, before,
 * during or after the failover, is ever accepted again: a logout ends its session in PostgreSQL, which every instance
 * reads again when it subscribes to the new primary.
 */
@Tag("faults")
@Tag("slow")
class SentinelFailoverIT {

    static final int CLIENTS = 4;
    static final String PASSWORD = "failover-password-1";

    record Outcome(long atMillis, String operation, int status) {
    }

    record LoggedOut(String token, long atMillis) {
    }

    final Api main = Api.ofTestStack();

    @Test
    void theApiFollowsANewPrimaryAndNoLoggedOutTokenComesBack() throws Exception {
        Path directory = Files.createTempDirectory("sentinel-redis");
        try (SentinelRedis redis = new SentinelRedis(directory);
                SecondInstance instance = SecondInstance.start(Map.of("REDIS_SENTINELS", redis.sentinelsSetting(),
                        "REDIS_MASTER_NAME", SentinelRedis.MASTER_NAME, "REDIS_SENTINELS_PASSWORD", SentinelRedis.SENTINELS_PASSWORD))) {
            assertTrue(redis.sentinelCli(false, "SENTINEL", "get-master-addr-by-name", SentinelRedis.MASTER_NAME).startsWith("NOAUTH"),
                    "a Sentinel answers a client without its password nothing but NOAUTH");
            Api api = instance.api();
            String admin = main.loginAsAdmin();
            List<String> users = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                users.add(main.createUser(admin, PASSWORD, false).getString("username"));
            }

            ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<LoggedOut> loggedOut = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> load = new ArrayList<>();
            for (String username : users) {
                load.add(clients.submit(() -> {
                    while (running.get()) {
                        session(api, username, outcomes, loggedOut);
                    }
                    return null;
                }));
            }

            Thread.sleep(3000); // a steady load first: the failover happens under it, not before it
            long killedAt = System.currentTimeMillis();
            redis.killFirstPrimary();
            boolean steady = Eventually.until(Duration.ofSeconds(40), () -> steadyAgain(outcomes, killedAt), again -> again);
            running.set(false);
            for (Future<?> client : load) {
                client.get();
            }
            clients.shutdown();

            assertTrue(steady, "logins and protected requests never answered 200 for 3 s again");
            long recoveredAt = lastFailure(outcomes, killedAt);
            double seconds = (recoveredAt - killedAt) / 1000.0;
            List<Outcome> failedOutside = outcomes.stream()
                    .filter(outcome -> outcome.status() != 200 && (outcome.atMillis() < killedAt || outcome.atMillis() > recoveredAt))
                    .toList();
            List<Outcome> inside = outcomes.stream().filter(o -> o.atMillis() >= killedAt && o.atMillis() <= recoveredAt).toList();
            List<Outcome> notUnavailable = inside.stream().filter(o -> o.status() != 200 && o.status() != 503).toList();

            List<String> accepted = new ArrayList<>();
            for (LoggedOut out : loggedOut) {
                if (api.get("hello", out.token()).status() != 401) {
                    accepted.add(out.token());
                }
            }
            System.out.printf("Sentinel failover: %d answers; after the primary was killed, the last answer other than 200 came at %.1f s; "
                    + "%d answers inside the window (%d 503); %d non-200 outside it; %d logouts answered 200, %d of their "
                    + "tokens accepted afterwards; primary now %d%n", outcomes.size(), seconds, inside.size(),
                    inside.stream().filter(o -> o.status() == 503).count(), failedOutside.size(), loggedOut.size(), accepted.size(),
                    redis.primary());

            assertTrue(seconds < 10, "recovered in " + seconds + " s");
            assertEquals(List.of(), failedOutside, "only the failover window may fail");
            assertEquals(List.of(), notUnavailable, "inside it, nothing but 503");
            assertTrue(loggedOut.stream().anyMatch(out -> out.atMillis() > recoveredAt), "logouts after the failover were checked too");
            assertEquals(List.of(), accepted, "a token whose logout was answered 200 is refused");
            assertTrue(redis.primary() != redis.firstPrimary(), "the replica was promoted");

            redis.restartFirstPrimary();
            String role = Eventually.until(Duration.ofSeconds(30), () -> redis.role(redis.firstPrimary()), "slave"::equals);
            assertEquals("slave", role, "the old primary comes back as a replica of the new one");
            for (LoggedOut out : loggedOut) {
                assertEquals(401, api.get("hello", out.token()).status(), "still refused with the old primary back");
            }
            assertEquals(200, api.get("hello", api.login(users.get(0), PASSWORD)).status());
        }
    }

    /** One client's round: log in, call a protected path, log out; every answer recorded with its time. */
    private static void session(Api api, String username, ConcurrentLinkedQueue<Outcome> outcomes, ConcurrentLinkedQueue<LoggedOut> loggedOut) {
        Api.Answer login = answer(api, outcomes, "login", () -> api.post("auth/login", Json.createObjectBuilder()
                .add("username", username).add("password", PASSWORD).build().toString(), null));
        if (login == null || login.status() != 200) {
            return;
        }
        String token = login.json().getString("access_token");
        answer(api, outcomes, "hello", () -> api.get("hello", token));
        Api.Answer logout = answer(api, outcomes, "logout", () -> api.post("auth/logout", null, token));
        if (logout != null && logout.status() == 200) {
            loggedOut.add(new LoggedOut(token, System.currentTimeMillis()));
        }
    }

    private static Api.Answer answer(Api api, ConcurrentLinkedQueue<Outcome> outcomes, String operation,
            java.util.function.Supplier<Api.Answer> call) {
        try {
            Api.Answer answer = call.get();
            outcomes.add(new Outcome(System.currentTimeMillis(), operation, answer.status()));
            return answer;
        } catch (UncheckedIOException dropped) {
            outcomes.add(new Outcome(System.currentTimeMillis(), operation, -1));
            return null;
        }
    }

    /** The end of the failover window: the last answer after the kill that was not a 200 (the kill itself if none). */
    private static long lastFailure(ConcurrentLinkedQueue<Outcome> outcomes, long killedAt) {
        return outcomes.stream().filter(o -> o.atMillis() >= killedAt && o.status() != 200)
                .mapToLong(Outcome::atMillis).max().orElse(killedAt);
    }

    /** Every answer of the last 3 s was a 200, logins and protected requests among them. */
    private static boolean steadyAgain(ConcurrentLinkedQueue<Outcome> outcomes, long killedAt) {
        long since = lastFailure(outcomes, killedAt);
        if (System.currentTimeMillis() - since < 3000) {
            return false;
        }
        return outcomes.stream().anyMatch(o -> o.atMillis() > since && o.operation().equals("login"))
                && outcomes.stream().anyMatch(o -> o.atMillis() > since && o.operation().equals("hello"));
    }
}
