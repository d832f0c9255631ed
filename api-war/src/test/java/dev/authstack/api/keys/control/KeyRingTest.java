package dev.authstack.api.keys.control;

import com.nimbusds.jose.jwk.ECKey;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.authstack.api.keys.entity.SigningKey;
import dev.authstack.it.ForgedTokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key ring's life cycle over stored keys, with the clock moved by hand and a store that keeps rows in a list. */
class KeyRingTest {

    static final long LIFETIME = 300;
    static final long SKEW = 30;
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    final MasterKey masterKey = MasterKey.of("master-key-for-unit-tests-0123456789");
    final ECKey first = ForgedTokens.strangerKey();
    final ECKey second = ForgedTokens.strangerKey();
    final ListStore store = new ListStore();
    final KeyRing cut = new KeyRing();

    KeyRingTest() {
        cut.store = store;
        cut.masterKey = masterKey;
        cut.tokenLifetimeSeconds = LIFETIME;
        cut.clockSkewSeconds = SKEW;
        cut.publishAheadSeconds = 600;
        store.rows.add(new SigningKey(first.getKeyID(), new KeySeal(masterKey).seal(first), T0, T0));
        // The second key is published an hour in and signs ten minutes later.
        store.rows.add(new SigningKey(second.getKeyID(), new KeySeal(masterKey).seal(second), T0.plusSeconds(3600), T0.plusSeconds(4200)));
    }

    @Test
    void aKeyPublishedAheadVerifiesButDoesNotSignYet() {
        at(T0.plusSeconds(3601));
        assertEquals(first.getKeyID(), cut.signing().kid());
        assertTrue(cut.verificationKey(second.getKeyID()).isPresent());
        assertEquals(List.of(first.getKeyID(), second.getKeyID()), kids(cut.published()));
    }

    @Test
    void everyInstanceSwitchesAtTheStoredInstant() {
        at(T0.plusSeconds(4199));
        assertEquals(first.getKeyID(), cut.signing().kid());
        at(T0.plusSeconds(4200));
        assertEquals(second.getKeyID(), cut.signing().kid());
    }

    @Test
    void thePreviousKeyVerifiesUntilItsLastTokenHasExpired() {
        Instant lastTokenExpires = T0.plusSeconds(4200 + LIFETIME + SKEW);
        at(lastTokenExpires.minusSeconds(1));
        assertTrue(cut.verificationKey(first.getKeyID()).isPresent());
        assertEquals(lastTokenExpires, cut.published().get(0).verifiesUntil());
        assertNull(cut.published().get(1).verifiesUntil());

        at(lastTokenExpires);
        assertTrue(cut.verificationKey(first.getKeyID()).isEmpty());
        assertEquals(List.of(second.getKeyID()), kids(cut.published()));
    }

    @Test
    void maintenanceRemovesRetiredKeysFromTheStore() {
        at(T0.plusSeconds(4200 + LIFETIME + SKEW));
        cut.maintain();
        assertEquals(List.of(second.getKeyID()), store.rows.stream().map(SigningKey::kid).toList());
        assertEquals(List.of(second.getKeyID()), kids(cut.published()));
    }

    @Test
    void aDatabaseThatIsAwayKeepsTheKeysReadBefore() {
        at(T0.plusSeconds(10));
        store.down = true;
        cut.maintain();
        assertEquals(first.getKeyID(), cut.signing().kid());
    }

    @Test
    void aKeyThisMasterKeyCannotOpenStopsTheRing() {
        cut.masterKey = MasterKey.of("another-master-key-0123456789-abcdef");
        cut.clock = Clock.fixed(T0, ZoneOffset.UTC);
        assertThrows(UnreadableKeyException.class, cut::refresh);
    }

    @Test
    void automaticRotationAsksTheStoreWithTheConfiguredAge() {
        cut.rotationDays = 90;
        at(T0.plusSeconds(10));
        cut.maintain();
        assertEquals(Duration.ofDays(90), store.askedMaxAge);
    }

    private void at(Instant now) {
        cut.clock = Clock.fixed(now, ZoneOffset.UTC);
        cut.refresh();
    }

    private static List<String> kids(List<KeyRing.Entry> entries) {
        return entries.stream().map(KeyRing.Entry::kid).toList();
    }

    /** The rows of signing_keys in a list; all the ring asks of its store. */
    static final class ListStore extends SigningKeys {
        final List<SigningKey> rows = new ArrayList<>();
        boolean down;
        Duration askedMaxAge;

        @Override
        public List<SigningKey> all() {
            if (down) {
                throw new IllegalStateException("PostgreSQL is away");
            }
            return List.copyOf(rows);
        }

        @Override
        public void remove(Collection<String> kids) {
            rows.removeIf(row -> kids.contains(row.kid()));
        }

        @Override
        public java.util.Optional<SigningKey> rotateIfOlderThan(Duration maxAge, Instant now, Duration publishAhead) {
            askedMaxAge = maxAge;
            return java.util.Optional.empty();
        }
    }
}
