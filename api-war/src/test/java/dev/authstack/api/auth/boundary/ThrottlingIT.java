package dev.authstack.api.auth.boundary;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.authstack.it.Api;
import dev.authstack.it.SecondInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Password guessing, as an attacker does it, against two instances that share the counts in Redis: the default policy
 * (5 free failures per account, then waits doubling from 1 s) on both, and on the second a small budget of failures
 * per client address. Each test claims client addresses of its own through X-Forwarded-For, which the test stack's
 * configuration (the loopback is a trusted proxy, as for the web app) lets through.
 */
@Tag("slow")
class ThrottlingIT {

    static final String PASSWORD = "throttling-password";
    static final int ADDRESS_BUDGET = 12;

    static final Api first = Api.ofTestStack();
    static SecondInstance second;
    static String admin;

    @BeforeAll
    static void instances() {
        second = SecondInstance.start(Map.of("LOGIN_ADDRESS_FAILURES", String.valueOf(ADDRESS_BUDGET)));
        admin = first.loginAsAdmin();
    }

    @AfterAll
    static void stop() {
        second.close();
    }

    /** The wiring through HTTP; LoginThrottleIT follows the doubling to its cap on a clock it moves. */
    @Test
    void afterFiveFailuresTheNextAttemptWaitsASecondAndASuccessStartsTheCountAfresh() throws Exception {
        String username = user();
        String address = address();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(first, username, "wrong-password", address).status());
        }
        assertThrottled(login(first, username, PASSWORD, address), 1);

        honourRetryAfter();
        assertEquals(200, login(first, username, PASSWORD, address).status(), "the right password after the wait");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(first, username, "wrong-password", address).status(), "a success starts the count afresh");
        }
        assertThrottled(login(first, username, PASSWORD, address), 1);
    }

    @Test
    void aThrottledAnswerSaysNothingAboutThePasswordOrTheAccount() {
        String known = user();
        String unknown = "nobody-" + System.nanoTime();
        String address = address();
        for (int i = 0; i < 5; i++) {
            login(first, known, "wrong-password", address);
            login(first, unknown, "wrong-password", address);
        }
        Api.Answer rightPassword = login(first, known, PASSWORD, address);
        Api.Answer wrongPassword = login(first, known, "wrong-password", address);
        Api.Answer noSuchAccount = login(first, unknown, PASSWORD, address);
        for (Api.Answer answer : List.of(rightPassword, wrongPassword, noSuchAccount)) {
            assertThrottled(answer, 1);
            assertEquals(rightPassword.body(), answer.body());
        }
    }

    @Test
    void theCountIsSharedByTheInstances() {
        String username = user();
        String address = address();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(i % 2 == 0 ? first : second.api(), username, "wrong-password", address).status());
        }
        assertThrottled(login(second.api(), username, PASSWORD, address), 1);
        assertThrottled(login(first, username, PASSWORD, address), 1);
    }

    @Test
    void anotherAccountFromTheSameAddressIsNotAffected() {
        String guessed = user();
        String other = user();
        String address = address();
        for (int i = 0; i < 6; i++) {
            login(first, guessed, "wrong-password", address);
        }
        assertThrottled(login(first, guessed, PASSWORD, address), 1);
        assertEquals(200, login(first, other, PASSWORD, address).status());
    }

    @Test
    void oneAddressSprayingManyAccountsRunsOutOfItsOwnBudget() {
        String address = address();
        for (int i = 0; i < ADDRESS_BUDGET; i++) {
            assertEquals(401, login(second.api(), "sprayed-" + System.nanoTime(), "Summer2026!", address).status());
        }
        String victim = user();
        Api.Answer answer = login(second.api(), victim, PASSWORD, address);
        assertEquals(429, answer.status(), answer::toString);
        assertTrue(Long.parseLong(answer.header("Retry-After")) > 60, "the address waits for its window: " + answer.header("Retry-After"));
        assertEquals(200, login(second.api(), victim, PASSWORD, address()).status(), "another address is not affected");
    }

    @Test
    void aThrottledAttemptSpendsNoPasswordCheck() {
        String username = user();
        String address = address();
        List<Long> checked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            checked.add(timed(() -> assertEquals(401, login(first, username, "wrong-password", address).status())));
        }
        List<Long> throttled = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            throttled.add(timed(() -> assertEquals(429, login(first, username, "wrong-password", address).status())));
        }
        long checkedMedian = median(checked);
        long throttledMedian = median(throttled);
        System.out.printf("login answers: median %d ms with a BCrypt check, %d ms throttled%n", checkedMedian, throttledMedian);
        assertTrue(throttledMedian * 3 < checkedMedian,
                "a throttled answer (" + throttledMedian + " ms) must not include a BCrypt check (" + checkedMedian + " ms)");
    }

    /**
     * Guesses from many addresses at once for as long as {@code attack.seconds} (15), as fast as 8 clients can: the
     * account's policy alone bounds the password checks (5 free, then one per wait: 1, 2, 4, 8 s...), and a login to
     * another account keeps working meanwhile.
     */
    @Test
    void aGuessingAttackGetsNoMorePasswordChecksThanThePolicyAllows() throws Exception {
        String victim = user();
        String bystander = user();
        long seconds = Long.getLong("attack.seconds", 15);
        Instant end = Instant.now().plusSeconds(seconds);
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger guesses = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        int bystanderLogins = 0;
        try {
            // Futures, not bare threads: an attacker's failed assertion reaches the test through get().
            List<Future<?>> attackers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attackers.add(pool.submit(() -> {
                    while (Instant.now().isBefore(end)) {
                        Api.Answer answer = login(first, victim, "guess-" + guesses.incrementAndGet(), address());
                        if (answer.status() == 401) {
                            checked.incrementAndGet();
                        } else if (answer.status() != 429) {
                            throw new AssertionError("an attacker was answered " + answer);
                        }
                    }
                    return null;
                }));
            }
            while (Instant.now().isBefore(end)) {
                assertEquals(200, login(first, bystander, PASSWORD, address()).status(), "another account logs in during the attack");
                bystanderLogins++;
            }
            for (Future<?> attacker : attackers) {
                try {
                    attacker.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw new AssertionError(e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int allowed = 5;
        for (long wait = 1, at = 1; at <= seconds + 1; wait *= 2, at += wait) {
            allowed++;
        }
        System.out.printf("guessing attack: %d guesses in %d s, %d password checks (policy allows %d), %d bystander logins%n",
                guesses.get(), seconds, checked.get(), allowed, bystanderLogins);
        assertTrue(checked.get() <= allowed, checked.get() + " password checks, the policy allows " + allowed);
        assertTrue(guesses.get() > 10 * allowed, "the attack really ran: " + guesses.get());
    }

    private static void assertThrottled(Api.Answer answer, long retryAfter) {
        assertEquals(429, answer.status(), answer::toString);
        assertEquals("application/problem+json", answer.contentType().split(";")[0]);
        assertTrue(answer.json().getString("type").endsWith(":login-throttled"), answer::toString);
        assertEquals(String.valueOf(retryAfter), answer.header("Retry-After"), answer::toString);
        assertEquals("Too many attempts; try again in " + retryAfter + (retryAfter == 1 ? " second." : " seconds."),
                answer.json().getString("detail"));
    }

    /** Waits as long as the last 429 said to: Retry-After is rounded up, so the wait is over then. */
    private static void honourRetryAfter() throws InterruptedException {
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), lastRetryAt).toMillis()) + 50);
    }

    private static volatile Instant lastRetryAt = Instant.EPOCH;

    static Api.Answer login(Api api, String username, String password, String address) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        Api.Answer answer = api.send(api.request("auth/login", null).header("Content-Type", "application/json")
                .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(body)));
        if (answer.status() == 429) {
            lastRetryAt = Instant.now().plusSeconds(Long.parseLong(answer.header("Retry-After")));
        }
        return answer;
    }

    private static String user() {
        JsonObject user = first.createUser(admin, PASSWORD, false);
        return user.getString("username");
    }

    /** A client address of the test's own, from the documentation range (RFC 5737). */
    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
