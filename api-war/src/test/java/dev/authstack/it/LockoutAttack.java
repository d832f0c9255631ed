package dev.authstack.it;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lockout attack of issue 20: guessers at one account, from ever new client addresses as from a botnet, as fast
 * as they are answered, until closed. They drive the account to its longest wait and keep it there (each wait lets one
 * guess through, whose failure starts the next); the owner's right password then waits with them, unless the owner
 * comes from a known device.
 */
public final class LockoutAttack implements AutoCloseable {

    private static final int GUESSERS = 4;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger guesses = new AtomicInteger();
    private final AtomicInteger checked = new AtomicInteger();
    private final AtomicLong longestRetryAfter = new AtomicLong();
    private final ExecutorService pool = Executors.newFixedThreadPool(GUESSERS);
    private final List<Future<?>> guessers = new ArrayList<>();

    private LockoutAttack() {
    }

    /**
     * Starts the attack and returns once a 429 has said to wait the longest wait ({@code LOGIN_MAX_WAIT_SECONDS} of the
     * instance); an instance whose policy gets there within 30 s (e.g. 2 free failures and a longest wait of 4 s).
     */
    public static LockoutAttack holdAtLongestWait(Api api, String victim, long maxWaitSeconds) throws InterruptedException {
        LockoutAttack attack = new LockoutAttack();
        for (int i = 0; i < GUESSERS; i++) {
            // Futures, not bare threads: a guesser's surprise reaches the test through get().
            attack.guessers.add(attack.pool.submit(() -> {
                while (attack.running.get()) {
                    Api.Answer answer = login(api, victim, "guess-" + attack.guesses.incrementAndGet(), null);
                    if (answer.status() == 401) {
                        attack.checked.incrementAndGet();
                    } else if (answer.status() == 429) {
                        attack.longestRetryAfter.accumulateAndGet(Long.parseLong(answer.header("Retry-After")), Math::max);
                    } else {
                        throw new AssertionError("a guesser was answered " + answer);
                    }
                }
                return null;
            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (attack.longestRetryAfter.get() < maxWaitSeconds && System.nanoTime() < deadline) {
            attack.assertGuessersRunning();
            Thread.sleep(100);
        }
        if (attack.longestRetryAfter.get() != maxWaitSeconds) {
            attack.close();
            throw new AssertionError("the attack did not reach the longest wait of " + maxWaitSeconds + " s: "
                    + attack.longestRetryAfter.get());
        }
        return attack;
    }

    /** The attack went on all along: no guesser failed, and the waits let a few guesses through to a password check. */
    public void assertHeld() {
        assertGuessersRunning();
        if (checked.get() < 3) {
            throw new AssertionError("only " + checked.get() + " guesses were checked: was the account held?");
        }
    }

    public int guesses() {
        return guesses.get();
    }

    public int checked() {
        return checked.get();
    }

    private void assertGuessersRunning() {
        for (Future<?> guesser : guessers) {
            if (guesser.isDone()) {
                try {
                    guesser.get();
                    throw new AssertionError("a guesser stopped");
                } catch (ExecutionException e) {
                    throw new AssertionError(e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
    }

    /**
     * A login with the body as a test writes it, from a new client address: {@code deviceToken} is the raw JSON value
     * of {@code device_token} (a string literal, or any other JSON), or null for none.
     */
    public static Api.Answer login(Api api, String username, String password, String deviceToken) {
        String body = "{\"username\":" + Garbage.json(username) + ",\"password\":" + Garbage.json(password)
                + (deviceToken == null ? "" : ",\"device_token\":" + deviceToken) + "}";
        return api.send(api.request("auth/login", null).header("Content-Type", "application/json")
                .header("X-Forwarded-For", address()).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A client address from the documentation range (RFC 5737). */
    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
