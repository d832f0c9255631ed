package dev.authstack.api.revocation.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import dev.authstack.api.metrics.control.Metrics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The watchdog, driven tick by tick with a clock the test moves: the feed can never die silently. */
class RevocationFeedTest {

    final MovableClock clock = new MovableClock();
    final List<Thread> started = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);
    RevocationFeed cut;

    @BeforeEach
    void init() {
        cut = new RevocationFeed();
        cut.metrics = new Metrics();
        cut.clock = clock;
        cut.threads = runnable -> {
            Thread thread = new Thread(runnable);
            started.add(thread);
            return thread;
        };
    }

    @AfterEach
    void releaseListeners() {
        release.countDown();
    }

    @Test
    void aListenerThatDiesIsStartedAgainWithAGrowingBackoff() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        cut.listening = () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("a message the listener could not take");
        };
        cut.tick();
        awaitLastListener();
        assertEquals(1, runs.get());

        cut.tick(); // notices the death: the next start waits for the backoff
        assertEquals(1, started.size());
        clock.advance(RevocationFeed.MIN_BACKOFF_MILLIS);
        cut.tick();
        awaitLastListener();
        assertEquals(2, runs.get(), "restarted after the first backoff");

        cut.tick();
        clock.advance(RevocationFeed.MIN_BACKOFF_MILLIS);
        cut.tick();
        assertEquals(2, started.size(), "a feed that keeps failing waits longer");
        clock.advance(RevocationFeed.MIN_BACKOFF_MILLIS);
        cut.tick();
        awaitLastListener();
        assertEquals(3, runs.get());

        for (int i = 0; i < 20; i++) {
            cut.tick();
            clock.advance(RevocationFeed.MAX_BACKOFF_MILLIS);
            cut.tick();
            awaitLastListener();
        }
        assertEquals(23, runs.get(), "the backoff stops growing at its maximum");
        assertFalse(cut.isSynchronised());
    }

    @Test
    void aSilentSubscriptionIsDroppedAfterThePingTimeout() {
        cut.listening = this::blockUntilReleased;
        cut.tick();
        cut.synchronised();
        assertTrue(cut.isSynchronised());

        clock.advance(RevocationFeed.PING_TIMEOUT_MILLIS);
        cut.tick();
        assertTrue(cut.isSynchronised(), "within the timeout");

        clock.advance(1);
        cut.tick();
        assertFalse(cut.isSynchronised(), "silent for longer than the timeout: requests fail closed");
    }

    @Test
    void anAnswerKeepsTheSubscriptionAlive() {
        cut.listening = this::blockUntilReleased;
        cut.tick();
        cut.synchronised();
        for (int i = 0; i < 10; i++) {
            clock.advance(RevocationFeed.PING_TIMEOUT_MILLIS);
            cut.received("token some-token 1");
            cut.tick();
        }
        assertTrue(cut.isSynchronised());
        assertEquals(1, started.size());
    }

    @Test
    void garbageIsIgnoredAndChangesNothing() {
        for (String garbage : List.of("x y", "", "token", "stamp 1 -1", "\u0000", "deleted abc", "x".repeat(100_000))) {
            assertDoesNotThrow(() -> cut.received(garbage));
        }
        assertEquals(0, cut.known().revokedTokenCount());
        assertNull(cut.known().stampOf(1));
    }

    @Test
    void messagesReachTheKnownRevocations() {
        cut.received("token t-1 " + (clock.instant().getEpochSecond() + 60));
        cut.received("stamp 7 3");
        cut.received("stamp 7 2"); // late news never lowers a stamp
        cut.received("deleted 8");
        assertTrue(cut.known().isTokenRevoked("t-1", clock.instant().getEpochSecond()));
        assertEquals(3L, cut.known().stampOf(7));
        assertEquals(Long.MAX_VALUE, cut.known().stampOf(8));
    }

    /** PUBLISH auth:revocations "token <id> 999999999999999999": anyone who reaches Redis can, as often as they like. */
    @Test
    void aRevocationNeverOutlivesTheLongestTokenLifeFromWhenItIsHeard() {
        cut.accessTokenSeconds = 3600;
        cut.clockSkewSeconds = 30;
        cut.received("token forever 999999999999999999");
        assertTrue(cut.known().isTokenRevoked("forever", clock.instant().getEpochSecond()));

        clock.advance((3600 + 30) * 1000L);
        assertTrue(cut.known().isTokenRevoked("forever", clock.instant().getEpochSecond()), "as long as a token can live");
        clock.advance(1000);
        cut.known().forgetExpired(clock.instant().getEpochSecond());
        assertEquals(0, cut.known().revokedTokenCount(), "then forgotten: no token issued before it was heard lives longer");
    }

    @Test
    void aRolledBackChangeIsSettledFromTheDatabaseEvenDownwards() {
        cut.securityStamps = stampsInTheDatabase(Map.of(7L, 4L));
        cut.received("stamp 7 5"); // announced before a commit that then failed
        assertEquals(5L, cut.known().stampOf(7));
        cut.received("settle 7");
        assertEquals(4L, cut.known().stampOf(7), "the database's value wins, though lower: tokens of stamp 4 work again");

        cut.received("settle 8"); // a user the database does not have
        assertEquals(Long.MAX_VALUE, cut.known().stampOf(8));
    }

    @Test
    void aSettleThatCannotReadTheDatabaseFailsSoTheFeedResynchronises() {
        cut.securityStamps = new SecurityStamps() {
            @Override
            public OptionalLong settledStampOf(long userId) {
                throw new IllegalStateException("PostgreSQL is away");
            }
        };
        cut.received("stamp 7 5");
        assertThrows(IllegalStateException.class, () -> cut.received("settle 7"));
        assertEquals(5L, cut.known().stampOf(7), "nothing lowered on a guess");
    }

    private static SecurityStamps stampsInTheDatabase(Map<Long, Long> stamps) {
        return new SecurityStamps() {
            @Override
            public OptionalLong settledStampOf(long userId) {
                Long stamp = stamps.get(userId);
                return stamp == null ? OptionalLong.empty() : OptionalLong.of(stamp);
            }
        };
    }

    @Test
    void theWatchdogSurvivesAFailureOfItsOwn() {
        cut.threads = runnable -> {
            throw new IllegalStateException("no thread for you");
        };
        assertDoesNotThrow(cut::tick);
        assertDoesNotThrow(cut::tick);
    }

    @Test
    void aLoggedPrefixIsShortAndPrintable() {
        assertEquals("x y", RevocationFeed.printablePrefix("x y"));
        assertEquals("\\u0000\\u001b[31m\\u0022", RevocationFeed.printablePrefix("\u0000\u001b[31m\""));
        assertEquals("a".repeat(24) + "...", RevocationFeed.printablePrefix("a".repeat(1000)));
    }

    private void blockUntilReleased() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitLastListener() throws InterruptedException {
        started.get(started.size() - 1).join(5000);
    }

    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-25T12:00:00Z");

        void advance(long millis) {
            now = now.plusMillis(millis);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
