package dev.authstack.web.containers;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.authstack.it.Api;

/**
 * Workers that each repeat one request through nginx until stopped, every answer's status kept; no answer at all (a
 * timeout, a refused connection) counts as status 0.
 */
final class RequestLoad {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Queue<Integer>> statuses = new LinkedHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stop;

    /** Starts a worker named NAME that sends what the supplier builds, a fresh request each time. */
    void start(String name, Api api, Supplier<HttpRequest.Builder> request) {
        Queue<Integer> answers = new ConcurrentLinkedQueue<>();
        statuses.put(name, answers);
        Thread worker = new Thread(() -> {
            while (!stop) {
                int status;
                try {
                    status = api.send(request.get().timeout(TIMEOUT)).status();
                } catch (UncheckedIOException e) {
                    status = 0;
                }
                answers.add(status);
            }
        }, "load-" + name);
        worker.start();
        workers.add(worker);
    }

    /** Waits until every worker has answered N more requests than when called; false when the bound passes first. */
    boolean awaitAnswers(int more, Duration bound) {
        Map<String, Integer> before = new LinkedHashMap<>();
        statuses.forEach((name, answers) -> before.put(name, answers.size()));
        Instant deadline = Instant.now().plus(bound);
        for (var worker : before.entrySet()) {
            while (statuses.get(worker.getKey()).size() < worker.getValue() + more) {
                if (Instant.now().isAfter(deadline)) {
                    return false;
                }
                RunningContainers.pause(Duration.ofMillis(200));
            }
        }
        return true;
    }

    void stop() throws InterruptedException {
        stop = true;
        Instant deadline = Instant.now().plusSeconds(40);
        for (Thread worker : workers) {
            worker.join(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
        }
    }

    /** The statuses of the workers whose names start so. */
    List<Integer> answers(String prefix) {
        return statuses.entrySet().stream().filter(worker -> worker.getKey().startsWith(prefix))
                .flatMap(worker -> worker.getValue().stream()).toList();
    }

    static long other(List<Integer> answers, int status) {
        return answers.stream().filter(answer -> answer != status).count();
    }

    /** "COUNT STATUS ..." of every answer other than 200 of these workers. */
    String failedAnswers(String... prefixes) {
        Map<Integer, Long> counts = new TreeMap<>();
        for (String prefix : prefixes) {
            answers(prefix).stream().filter(status -> status != 200)
                    .forEach(status -> counts.merge(status, 1L, Long::sum));
        }
        return counts.entrySet().stream().map(count -> count.getValue() + " " + count.getKey()).collect(Collectors.joining(" "));
    }
}
