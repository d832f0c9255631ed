package dev.authstack.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * For what happens a moment after an answer (a message crossing instances, an event written after a login, a line of
 * Payara's asynchronous log): asks again and again, 10 ms apart, until the answer is the expected one or the bound has
 * passed, and hands back the last answer for the test to assert on. Never a fixed sleep.
 */
public final class Eventually {

    private static final Duration PAUSE = Duration.ofMillis(10);

    private Eventually() {
    }

    public static <T> T until(Duration bound, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(bound);
        T answer = probe.get();
        while (!done.test(answer) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
            answer = probe.get();
        }
        return answer;
    }
}
