package dev.authstack.api.revocation.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.authstack.api.metrics.control.Metrics;
import dev.authstack.it.MovableClock;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

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
        cut.known = new KnownRevocations(1000, 1000);
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
    void aPongKeepsTheSubscriptionAliveAndMeasuresTheLag() {
        cut.listening = this::blockUntilReleased;
        cut.tick();
        cut.synchronised();
        for (int i = 0; i < 10; i++) {
            String sent = String.valueOf(clock.millis());
            clock.advance(RevocationFeed.PING_TIMEOUT_MILLIS);
            cut.ponged(sent);
            cut.tick();
        }
        assertTrue(cut.isSynchronised());
        assertEquals(1, started.size());
        assertEquals(RevocationFeed.PING_TIMEOUT_MILLIS, cut.lagMillis(), "the round trip of the last ping");
    }

    /** A flood keeps messages arriving while the instance reads ever further behind: only a pong says it is current. */
    @Test
    void messagesAreNoAnswerOnlyPongsAre() {
        cut.listening = this::blockUntilReleased;
        cut.tick();
        cut.synchronised();
        for (int i = 0; i < 4; i++) {
            clock.advance(RevocationFeed.PING_TIMEOUT_MILLIS / 3);
            cut.received("token some-token " + (clock.instant().getEpochSecond() + 60));
            cut.tick();
        }
        assertFalse(cut.isSynchronised(), "no pong for longer than the timeout, however many messages came");
    }

    /** A peer that takes the SUBSCRIBE and never confirms it: Jedis would wait for good, every request 503. */
    @Test
    void aSubscriptionRedisNeverConfirmsIsDroppedAndTriedAgain() throws Exception {
        try (SilentRedis silent = new SilentRedis()) {
            cut.primaries = () -> new HostAndPort("127.0.0.1", silent.port());
            cut.connections = Jedis::new;
            cut.tick();
            assertTrue(silent.subscribeReceived.await(10, TimeUnit.SECONDS), "the listener sent its SUBSCRIBE");
            Thread listener = started.get(0);

            clock.advance(RevocationFeed.SUBSCRIBE_TIMEOUT_MILLIS);
            cut.tick();
            assertTrue(listener.isAlive(), "within the timeout it waits");
            clock.advance(1);
            cut.tick();
            listener.join(5000);
            assertFalse(listener.isAlive(), "past the timeout the connection is closed and the listener ends");

            cut.tick();
            clock.advance(RevocationFeed.MIN_BACKOFF_MILLIS);
            cut.tick();
            assertEquals(2, started.size(), "and the feed tries again");
            assertFalse(cut.isSynchronised());
        }
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
        cut.securityStamps = stampsInTheDatabase(Map.of(7L, 4L, 9L, 1L), new AtomicInteger());
        cut.received("stamp 7 5"); // announced before a commit that then failed
        assertEquals(5L, cut.known().stampOf(7));
        cut.received("settle 7");
        assertEquals(4L, cut.known().stampOf(7), "the database's value wins, though lower: tokens of stamp 4 work again");

        cut.received("deleted 8"); // announced for a user the database does not have
        cut.received("settle 8");
        assertEquals(Long.MAX_VALUE, cut.known().stampOf(8), "gone");
    }

    /** {@code settle} costs a locking read of PostgreSQL: anyone who can publish could make every instance queue them. */
    @Test
    void settlesAreCoalescedPerUserAndIgnoredForUsersNeverAnnounced() {
        AtomicInteger reads = new AtomicInteger();
        cut.securityStamps = stampsInTheDatabase(Map.of(7L, 4L), reads);
        for (int i = 0; i < 1000; i++) {
            cut.received("settle " + (i + 100));
        }
        assertEquals(0, reads.get(), "nothing was announced for them: nothing to settle");
        assertNull(cut.known().stampOf(100), "and nothing held for them");

        cut.received("stamp 7 5");
        for (int i = 0; i < 1000; i++) {
            cut.received("settle 7");
        }
        assertEquals(1, reads.get(), "one read settles the user until a stamp is announced again");
        assertEquals(4L, cut.known().stampOf(7));

        cut.received("stamp 7 5");
        cut.received("settle 7");
        assertEquals(2, reads.get(), "a new announcement needs a new read");
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

    private static SecurityStamps stampsInTheDatabase(Map<Long, Long> stamps, AtomicInteger reads) {
        return new SecurityStamps() {
            @Override
            public OptionalLong settledStampOf(long userId) {
                reads.incrementAndGet();
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

    /** Answers every command with +OK, except SUBSCRIBE, which it takes and never confirms. */
    static final class SilentRedis implements AutoCloseable {

        final CountDownLatch subscribeReceived = new CountDownLatch(1);
        private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final Thread serving = new Thread(this::serve);

        SilentRedis() throws IOException {
            serving.setDaemon(true);
            serving.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            try (Socket client = server.accept()) {
                var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                var out = client.getOutputStream();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.startsWith("*")) {
                        continue;
                    }
                    int parts = Integer.parseInt(line.substring(1));
                    String command = "";
                    for (int i = 0; i < parts; i++) {
                        in.readLine(); // $length
                        String part = in.readLine();
                        command = i == 0 ? part : command;
                    }
                    if (command.equalsIgnoreCase("SUBSCRIBE")) {
                        subscribeReceived.countDown();
                    } else {
                        out.write("+OK\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                }
            } catch (IOException closed) {
                // the test is over, or the feed hung up
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
