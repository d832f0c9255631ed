package dev.authstack.api.contract;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One canonical form per name, and none for a look-alike: generated names and variants, the seed in every message. */
class CanonicalUsernameTest {

    @Test
    void asciiCaseVariantsOfANameHaveItsOneCanonicalForm() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            String name = UsernameVariants.name(random);
            String variant = UsernameVariants.caseVariant(name, random);
            assertEquals(Optional.of(new CanonicalUsername(name)), CanonicalUsername.of(variant), "seed " + seed + ": " + variant);
        }
    }

    @Test
    void aLookAlikeOfANameHasNoCanonicalForm() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            String name = UsernameVariants.name(random);
            for (String lookAlike : UsernameVariants.lookAlikes(name, random)) {
                assertEquals(Optional.empty(), CanonicalUsername.of(lookAlike), "seed " + seed + ": a look-alike of " + name);
            }
        }
    }

    /** What made the throttle and PostgreSQL disagree: Java's and the database's lower case are not the rule's. */
    @Test
    void theCanonicalFormIsNotUnicodeLowerCase() {
        assertEquals("i\u0307", "\u0130".toLowerCase(Locale.ROOT), "the JDK maps the Turkish I to i and a combining dot");
        assertEquals("k", "\u212A".toLowerCase(Locale.ROOT), "and the Kelvin sign to k");
        assertEquals(Optional.empty(), CanonicalUsername.of("ad\u212Amin"));
        assertEquals(Optional.empty(), CanonicalUsername.of("un\u0130"));
        assertEquals("admin", CanonicalUsername.of("ADMIN").orElseThrow().value());
    }

    @Test
    void theCanonicalFormFollowsTheUsernameRule() {
        for (String outside : new String[] {null, "", "ab", "a".repeat(51), "al ice", "alice\u0000", "al\u00e9ce"}) {
            assertEquals(Optional.empty(), CanonicalUsername.of(outside), String.valueOf(outside));
        }
        assertTrue(CanonicalUsername.of("a".repeat(50)).isPresent());
        assertThrows(IllegalArgumentException.class, () -> new CanonicalUsername("Alice"), "only the canonical form itself");
    }
}
