package dev.authstack.api.contract;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidPasswordTest {

    final ValidPassword.Validator cut = new ValidPassword.Validator();

    @Test
    void acceptsEightToSeventyTwoBytes() {
        assertTrue(cut.isValid("p".repeat(8), null));
        assertTrue(cut.isValid("p".repeat(72), null));
    }

    @Test
    void refusesFewerThanEightOrMoreThanSeventyTwoBytes() {
        assertFalse(cut.isValid("p".repeat(7), null));
        assertFalse(cut.isValid("p".repeat(73), null));
    }

    @Test
    void countsUtf8BytesNotCharacters() {
        // 25 euro signs are 25 characters but 75 bytes: BCrypt would silently drop the last one.
        assertFalse(cut.isValid("€".repeat(25), null));
        assertTrue(cut.isValid("€".repeat(24), null));
    }

    @Test
    void leavesNullToNotNull() {
        assertTrue(cut.isValid(null, null));
    }
}
