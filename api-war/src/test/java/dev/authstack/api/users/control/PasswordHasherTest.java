package dev.authstack.api.users.control;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    PasswordHasher cut;

    @BeforeEach
    void init() {
        cut = new PasswordHasher();
        cut.cost = 4;
        cut.init();
    }

    @Test
    void matchesTheHashedPasswordOnly() {
        String hash = cut.hash("correct horse");
        assertTrue(cut.matches("correct horse", hash));
        assertFalse(cut.matches("correct horsf", hash));
        assertNotEquals(hash, cut.hash("correct horse"), "salted");
    }

    @Test
    void neverMatchesOnATruncatedPrefix() {
        String seventyTwo = "p".repeat(72);
        String hash = cut.hash(seventyTwo);
        assertTrue(cut.matches(seventyTwo, hash));
        // BCrypt would ignore byte 73; we refuse to compare rather than accept a different password.
        assertFalse(cut.matches(seventyTwo + "x", hash));
    }

    @Test
    void theDecoyMatchesNothing() {
        assertFalse(cut.matchesNothing("decoy password, never matches anything"));
    }
}
