package dev.authstack.api.users.control;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    PasswordHasher cut;
    final AtomicInteger verifications = new AtomicInteger();

    @BeforeEach
    void init() {
        cut = new PasswordHasher();
        cut.cost = 4;
        cut.init();
        cut.encoder = new BCryptPasswordEncoder(4) {
            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                verifications.incrementAndGet();
                return super.matches(rawPassword, encodedPassword);
            }
        };
    }

    @Test
    void verifiesTheHashedPasswordOnly() {
        String hash = cut.hash("correct horse");
        assertTrue(cut.verify("correct horse", hash));
        assertFalse(cut.verify("correct horsf", hash));
        assertNotEquals(hash, cut.hash("correct horse"), "salted");
    }

    @Test
    void neverMatchesOnATruncatedPrefix() {
        String seventyTwo = "p".repeat(72);
        String hash = cut.hash(seventyTwo);
        assertTrue(cut.verify(seventyTwo, hash));
        // BCrypt would ignore byte 73; we refuse to compare rather than accept a different password.
        assertFalse(cut.verify(seventyTwo + "x", hash));
    }

    @Test
    void everyAnswerCostsExactlyOneVerification() {
        String hash = cut.hash("correct horse");
        verifications.set(0);
        assertFalse(cut.verify("decoy password, never matches anything", null), "an unknown user matches nothing");
        assertFalse(cut.verify("p".repeat(73), hash));
        assertFalse(cut.verify(null, hash));
        assertTrue(cut.verify("correct horse", hash));
        assertEquals(4, verifications.get(), "one BCrypt verification for each answer, whatever it is");
    }
}
