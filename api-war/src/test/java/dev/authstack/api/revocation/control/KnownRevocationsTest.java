package dev.authstack.api.revocation.control;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The memory's bound, reached: whatever is published, it holds no more, and says so while that could matter. */
class KnownRevocationsTest {

    static final long NOW = 1_800_000_000L;
    static final long LATEST = NOW + 330;

    final KnownRevocations known = new KnownRevocations(1000, 500);

    @Test
    void aFloodOfRevocationsFillsTheMemoryToItsBoundAndNoFurther() {
        for (int i = 0; i < 50_000; i++) {
            known.tokenRevoked(UUID.randomUUID().toString(), 999_999_999_999L, LATEST);
        }
        assertEquals(1000, known.revokedTokenCount());
        assertFalse(known.holdsEveryRevocation(NOW), "what was left out is to be asked of Redis");
        assertFalse(known.holdsEveryRevocation(LATEST), "for as long as a token left out could live");
        assertTrue(known.holdsEveryRevocation(LATEST + 1), "and no longer: everything left out has expired");

        known.forgetExpired(LATEST + 1);
        assertEquals(0, known.revokedTokenCount());
        assertTrue(known.tokenRevoked("after-the-flood", NOW + 400, LATEST + 400), "room again");
    }

    @Test
    void aRevocationAlreadyHeldIsExtendedAtTheBound() {
        for (int i = 0; i < 1000; i++) {
            known.tokenRevoked("t-" + i, NOW + 10, LATEST);
        }
        assertTrue(known.tokenRevoked("t-7", NOW + 20, LATEST));
        assertTrue(known.isTokenRevoked("t-7", NOW + 20));
        assertTrue(known.holdsEveryRevocation(NOW), "nothing was left out");
    }

    @Test
    void whatThisInstanceTrustsIsHeldBeyondTheBound() {
        for (int i = 0; i < 1000; i++) {
            known.tokenRevoked("heard-" + i, NOW + 10, LATEST);
        }
        known.tokenRevoked("own-logout", NOW + 300);
        assertTrue(known.isTokenRevoked("own-logout", NOW));
        assertEquals(1001, known.revokedTokenCount());
    }

    @Test
    void stampsOfUnknownUsersStopAtTheBoundWhileHeldOnesKeepGrowing() {
        for (long user = 1; user <= 10_000; user++) {
            known.stampAnnounced(user, 3);
        }
        assertEquals(500, known.stampCount());
        assertNull(known.stampOf(9_999), "not held: looked up in PostgreSQL on every request");
        known.stampAnnounced(1, 4);
        assertEquals(4L, known.stampOf(1));
        known.stampLookedUp(9_999, 7);
        assertNull(known.stampOf(9_999), "a lookup is not held either");
        assertFalse(known.takeUnsettled(9_999), "nothing to settle for a user not held");
    }

    @Test
    void theDatabasesStampsAreHeldUpToTheBound() {
        Map<Long, Long> settled = new HashMap<>();
        for (long user = 1; user <= 2000; user++) {
            settled.put(user, 1L);
        }
        known.stampAnnounced(1, 5);
        known.stampsAboutToBeRead();
        known.replaceStamps(settled);
        assertEquals(500, known.stampCount());
        assertEquals(1L, known.stampOf(1), "announced before the read, which waited for it: the database's value");
        assertFalse(known.takeUnsettled(1), "the database's stamps are settled");
    }

    /**
     * The interleaving of a settle on the feed's thread with another change to the same user on a request thread: the
     * feed reads the database (the first change rolled back, 4), the second change announces 6 before it commits, then
     * the feed writes what it read. The 6 must stay, or the user's tokens of stamp 4 work again once the change commits.
     */
    @Test
    void aSettleNeverUndoesAStampAnnouncedWhileTheDatabaseWasRead() {
        known.stampAnnounced(7, 5);
        assertTrue(known.takeUnsettled(7));
        known.stampAnnounced(7, 6);
        known.settle(7, OptionalLong.of(4));
        assertEquals(6L, known.stampOf(7));
        assertTrue(known.takeUnsettled(7), "still unsettled: a settle for the second change must read again");
        known.settle(7, OptionalLong.of(4));
        assertEquals(4L, known.stampOf(7), "and when that one rolls back too, the database's value is the stamp");
    }

    @Test
    void aResynchronisationKeepsWhatWasAnnouncedWhileItRead() {
        known.stampAnnounced(7, 5);
        known.stampsAboutToBeRead();
        known.stampAnnounced(7, 6);
        known.stampAnnounced(8, 2);
        known.replaceStamps(Map.of(7L, 5L, 9L, 1L));
        assertEquals(6L, known.stampOf(7));
        assertEquals(2L, known.stampOf(8));
        assertEquals(1L, known.stampOf(9));
        assertTrue(known.takeUnsettled(7), "announced after the read began: a later settle reads it");
    }

    @Test
    void aChangeThatRolledBackIsLoweredToTheDatabasesStamp() {
        known.stampAnnounced(7, 6);
        assertTrue(known.takeUnsettled(7));
        known.settle(7, OptionalLong.empty());
        assertEquals(Long.MAX_VALUE, known.stampOf(7), "a user gone: no stamp any token reaches");
        known.stampAnnounced(8, 6);
        assertTrue(known.takeUnsettled(8));
        known.settle(8, OptionalLong.of(5));
        assertEquals(5L, known.stampOf(8));
    }

    /**
     * The same protocol with threads instead of a script. Writers change random users as PostgreSQL would: a change
     * holds the table shared (ROW EXCLUSIVE) and the user's row from its announcement to its commit or rollback, and a
     * rollback is followed by a settle message. The feed's reads take the table exclusively (SHARE), so they wait for
     * changes in flight; its one thread answers the settle messages and now and then re-reads every stamp; a checker
     * compares. A committed stamp must never be held lower, and once everything is quiet the held stamps are the
     * database's: a stamp that rolled back does not keep the user's tokens refused.
     */
    @Test
    void changesSettlesAndResynchronisationsAtOnceNeverHoldACommittedStampLower() throws Exception {
        int enough = 50;
        int users = 6;
        KnownRevocations memory = new KnownRevocations(1000, 500);
        AtomicLongArray committed = new AtomicLongArray(users);
        for (int user = 0; user < users; user++) {
            memory.stampLookedUp(user, 0);
        }
        ReentrantReadWriteLock table = new ReentrantReadWriteLock();
        Object[] rows = IntStream.range(0, users).mapToObj(user -> new Object()).toArray();
        BlockingQueue<Integer> settleMessages = new LinkedBlockingQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicInteger settles = new AtomicInteger();
        AtomicInteger resynchronisations = new AtomicInteger();

        Callable<Void> writer = () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            // Changes go on until the feed has settled and re-read often enough while they did.
            while (settles.get() < enough || resynchronisations.get() < enough) {
                int user = random.nextInt(users);
                boolean rollBack = random.nextInt(3) == 0;
                table.readLock().lock();
                try {
                    synchronized (rows[user]) {
                        long stamp = committed.get(user) + 1;
                        memory.stampAnnounced(user, stamp);
                        if (!rollBack) {
                            committed.set(user, stamp);
                        }
                    }
                } finally {
                    table.readLock().unlock();
                }
                if (rollBack) {
                    settleMessages.add(user);
                }
            }
            return null;
        };
        // One thread, as in RevocationFeed: the listener both answers settle messages and resynchronises.
        Callable<Void> feed = () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (writing.get() || !settleMessages.isEmpty()) {
                Integer user = settleMessages.poll(1, TimeUnit.MILLISECONDS);
                if (user != null && memory.takeUnsettled(user)) {
                    memory.settle(user, OptionalLong.of(read(table, () -> committed.get(user))));
                    settles.incrementAndGet();
                }
                if (writing.get() && random.nextInt(10) == 0) {
                    memory.stampsAboutToBeRead();
                    Map<Long, Long> stamps = read(table, () -> {
                        Map<Long, Long> every = new HashMap<>();
                        for (int each = 0; each < users; each++) {
                            every.put((long) each, committed.get(each));
                        }
                        return every;
                    });
                    memory.replaceStamps(stamps);
                    resynchronisations.incrementAndGet();
                }
            }
            return null;
        };
        Callable<Void> checker = () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (writing.get()) {
                int user = random.nextInt(users);
                long atLeast = committed.get(user);
                Long held = memory.stampOf(user);
                if (held == null || held < atLeast) {
                    violations.add("user " + user + ": held " + held + " after " + atLeast + " committed");
                }
            }
            return null;
        };

        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<Void>> writers = List.of(threads.submit(writer), threads.submit(writer), threads.submit(writer),
                    threads.submit(writer));
            List<Future<Void>> readers = List.of(threads.submit(feed), threads.submit(checker));
            for (Future<Void> done : writers) {
                done.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<Void> done : readers) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertEquals(List.of(), violations.stream().limit(5).toList(), violations.size() + " violations");
        for (int user = 0; user < users; user++) {
            assertEquals(committed.get(user), memory.stampOf(user), "user " + user + " once everything is quiet");
        }
    }

    /**
     * A read of the database as the feed makes it: under SHARE, after every change in flight has ended; then the
     * answer's way back, during which other changes go on.
     */
    static <T> T read(ReentrantReadWriteLock table, Supplier<T> query) {
        T answer;
        table.writeLock().lock();
        try {
            answer = query.get();
        } finally {
            table.writeLock().unlock();
        }
        LockSupport.parkNanos(100_000);
        return answer;
    }
}
