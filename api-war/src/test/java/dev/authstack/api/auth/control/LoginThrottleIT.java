package dev.authstack.api.auth.control;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.authstack.api.keys.control.MasterKey;
import dev.authstack.api.redis.control.Redis;
import dev.authstack.api.redis.control.StandaloneRedis;
import dev.authstack.it.MovableClock;
import dev.authstack.it.PrivateRedis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The account's waits against a real Redis (the rules are Lua scripts that run there) with a clock the test moves, so
 * the doubling is followed to its cap in milliseconds rather than in the quarter of an hour it takes for real.
 * ThrottlingIT checks the same rules through HTTP, across instances and against a live guessing attack.
 */
class LoginThrottleIT {

    static final int FREE_FAILURES = 5;
    static final long MAX_WAIT_SECONDS = 900;

    @TempDir
    static Path directory;

    static PrivateRedis server;
    static Redis redis;

    final MovableClock clock = new MovableClock();
    LoginThrottle cut;
    String username;

    @BeforeAll
    static void startRedis() {
        server = new PrivateRedis(directory.resolve("redis"));
        server.start();
        redis = StandaloneRedis.at(server.url());
    }

    @AfterAll
    static void stopRedis() {
        StandaloneRedis.close(redis);
        server.stop();
    }

    @BeforeEach
    void throttle() {
        cut = new LoginThrottle();
        cut.redis = redis;
        cut.masterKey = MasterKey.of("login-throttle-test-master-key-0123456789");
        cut.freeFailures = FREE_FAILURES;
        cut.maxWaitSeconds = MAX_WAIT_SECONDS;
        cut.failureResetSeconds = 43_200;
        cut.addressFailures = 1_000_000;
        cut.addressWindowSeconds = 600;
        cut.clock = clock;
        cut.init();
        username = "user" + System.nanoTime();
    }

    @Test
    void theWaitDoublesFromOneSecondUpToTheLongestAndASuccessEndsIt() {
        failFreely();
        long expected = 1;
        for (int round = 0; round < 14; round++) {
            assertEquals(expected, waitOf(this::attempt), "round " + round);
            clock.advance(expected * 1000 - 1);
            assertEquals(1, waitOf(this::attempt), "a millisecond before the wait is over, round " + round);
            clock.advance(1);
            attempt();
            expected = Math.min(expected * 2, MAX_WAIT_SECONDS);
        }
        assertEquals(MAX_WAIT_SECONDS, expected, "the cap was reached");

        clock.advance(MAX_WAIT_SECONDS * 1000);
        cut.succeeded(attempt());
        failFreely();
        assertEquals(1, waitOf(this::attempt), "a success starts the count afresh");
    }

    @Test
    void aRefusedAttemptIsNotCountedAndDoesNotLengthenTheWait() {
        failFreely();
        for (int i = 0; i < 100; i++) {
            assertEquals(1, waitOf(this::attempt));
        }
        clock.advance(1000);
        attempt();
        assertEquals(2, waitOf(this::attempt), "100 refused attempts left the doubling where it was");
    }

    @Test
    void aClockThatLagsTheOneThatSetTheWaitIsToldNoMoreThanTheLongestWait() {
        failFreely();
        for (int i = 0; i < 12; i++) {
            clock.advance(MAX_WAIT_SECONDS * 1000);
            attempt();
        }
        clock.advance(-30_000);
        assertEquals(MAX_WAIT_SECONDS, waitOf(this::attempt));
    }

    @Test
    void ofManyAttemptsAtTheSameMomentAfterTheFreeFailuresOnlyOneGoesThrough() throws Exception {
        for (int i = 0; i < FREE_FAILURES - 1; i++) {
            attempt();
        }
        int clients = 64;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(letThrough(start)));
            }
            start.countDown();
            int through = 0;
            for (Future<Boolean> answer : answers) {
                through += answer.get() ? 1 : 0;
            }
            assertEquals(1, through, "attempts let through of " + clients);
        } finally {
            pool.shutdownNow();
        }
    }

    private Callable<Boolean> letThrough(CountDownLatch start) {
        return () -> {
            start.await();
            try {
                attempt();
                return true;
            } catch (LoginThrottledException e) {
                return false;
            }
        };
    }

    private void failFreely() {
        for (int i = 0; i < FREE_FAILURES; i++) {
            attempt();
        }
    }

    private LoginThrottle.Attempt attempt() {
        return cut.begin(username, "198.51.100.7");
    }

    private static long waitOf(Runnable attempt) {
        return assertThrows(LoginThrottledException.class, attempt::run).retryAfterSeconds();
    }
}
