package dev.authstack.api.users.control;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    PasswordHasher cut;
    /** The hashes each BCrypt verification was run against, in order. */
    final List<String> verifiedAgainst = new ArrayList<>();

    @BeforeEach
    void init() {
        cut = new PasswordHasher();
        cut.cost = 4;
        cut.init();
        cut.encoder = new BCryptPasswordEncoder(4) {
            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                verifiedAgainst.add(encodedPassword);
                return super.matches(rawPassword, encodedPassword);
            }
        };
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
    void withoutAHashNothingMatchesNotEvenTheDecoysOwnPassword() {
        assertFalse(cut.matches("decoy password, never matches anything", null));
    }

    /**
     * The unknown-user path of a login must cost what a wrong password costs: one full verification, at the configured
     * cost, against a well-formed hash (BCrypt answers a malformed one at once, without the work).
     */
    @Test
    void everyAnswerSpendsExactlyOneFullVerification() {
        String hash = cut.hash("correct horse");
        cut.matches("correct horse", hash);
        cut.matches("wrong horse", hash);
        cut.matches("unknown user's password", null);
        cut.matches("p".repeat(73), hash);
        cut.matches(null, hash);

        assertEquals(5, verifiedAgainst.size(), "one verification per call: " + verifiedAgainst);
        for (String verified : verifiedAgainst) {
            assertTrue(verified.matches("\\$2[aby]?\\$04\\$[./A-Za-z0-9]{53}"), "a full cost-4 BCrypt hash: " + verified);
        }
    }
}
