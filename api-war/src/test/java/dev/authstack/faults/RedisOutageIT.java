package dev.authstack.faults;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.authstack.it.Api;
import dev.authstack.it.PrivateRedis;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis stops while clients keep sending valid and revoked tokens: no token can be checked, so none passes (503 within
 * 2 s, never a 200 for a revoked one), logins stop, /status stays up, and when Redis returns the API recovers by
 * itself within 5 s, its append-only file keeping the revocations.
 */
@Tag("faults")
class RedisOutageIT {

    final Api api = Api.ofTestStack();
    final PrivateRedis redis = TestStack.get().redis();

    @AfterEach
    void redisIsBack() {
        if (!redis.answers()) {
            redis.start();
        }
    }

    record Outcome(boolean revokedToken, int status, long millis, Instant at) {
    }

    @Test
    void failsClosedWithin2SecondsAndRecoversWithin5() throws Exception {
        String valid = api.loginAsAdmin();
        String revoked = api.loginAsAdmin();
        assertEquals(200, api.post("auth/logout", null, revoked).status());

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> loops = new ArrayList<>();
        Instant stopAt = Instant.now().plusSeconds(60); // a bound in case the test itself goes wrong
        for (int i = 0; i < 8; i++) {
            boolean sendRevoked = i % 2 == 1;
            loops.add(clients.submit(() -> {
                while (running.get() && Instant.now().isBefore(stopAt)) {
                    Instant start = Instant.now();
                    int status = api.get("hello", sendRevoked ? revoked : valid).status();
                    outcomes.add(new Outcome(sendRevoked, status, Duration.between(start, Instant.now()).toMillis(), start));
                }
            }));
        }
        awaitOutcomes(outcomes, 50);

        Instant stopped = Instant.now();
        redis.stop();
        Instant firstRefusal = awaitOutcome(outcomes, o -> !o.revokedToken() && o.status() == 503 && o.at().isAfter(stopped));
        long closedAfterMillis = Duration.between(stopped, firstRefusal).toMillis();
        assertTrue(closedAfterMillis < 2000, "the first valid token was refused " + closedAfterMillis + " ms after Redis stopped");
        Api.Answer refused = api.get("hello", valid);
        assertEquals(503, refused.status(), refused::toString);
        assertEquals(Api.PROBLEM_JSON, refused.mediaType());
        assertTrue(refused.json().getString("detail").contains("Redis"));
        assertEquals(503, api.post("auth/login", "{\"username\":\"admin\",\"password\":\"admin123\"}", null).status(),
                "no token is issued that could not be revoked later");
        assertEquals(200, api.get("status", null).status(), "status touches no backend");
        assertEquals(503, new Api(TestStack.get().baseUri()).get("health/ready", null).status());
        Instant restarted = Instant.now();
        redis.start();
        Instant recovered = awaitOutcome(outcomes, o -> !o.revokedToken() && o.status() == 200 && o.at().isAfter(restarted));
        running.set(false);
        for (Future<?> loop : loops) {
            loop.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();

        for (Outcome outcome : outcomes) {
            assertTrue(outcome.millis() < 2000, "answered in " + outcome.millis() + " ms");
            if (outcome.revokedToken()) {
                assertTrue(outcome.status() == 401 || outcome.status() == 503, "a revoked token got " + outcome.status());
            } else {
                assertTrue(outcome.status() == 200 || outcome.status() == 503, "a valid token got " + outcome.status());
            }
        }
        // Closed means closed: once one valid token was refused, none was accepted until Redis came back.
        List<Outcome> acceptedWhileDown = outcomes.stream()
                .filter(o -> o.status() == 200 && o.at().isAfter(firstRefusal) && o.at().isBefore(restarted))
                .toList();
        assertTrue(acceptedWhileDown.isEmpty(), "accepted after the first refusal, Redis still down: " + acceptedWhileDown);
        long recoveryMillis = Duration.between(restarted, recovered).toMillis();
        assertTrue(recoveryMillis < 5000, "recovered " + recoveryMillis + " ms after Redis returned");
        assertEquals(401, api.get("hello", revoked).status(), "still revoked after the restart (append-only file)");
    }

    private static void awaitOutcomes(ConcurrentLinkedQueue<Outcome> outcomes, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (outcomes.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
    }

    private static Instant awaitOutcome(ConcurrentLinkedQueue<Outcome> outcomes, java.util.function.Predicate<Outcome> wanted)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            for (Outcome outcome : outcomes) {
                if (wanted.test(outcome)) {
                    return outcome.at().plusMillis(outcome.millis());
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the expected outcome did not come within 20 s");
    }
}
