package dev.authstack.api.revocation.control;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

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
        known.replaceStamps(settled);
        assertEquals(500, known.stampCount());
        assertFalse(known.takeUnsettled(1), "the database's stamps are settled");
        known.settle(1, OptionalLong.of(9));
    }
}
