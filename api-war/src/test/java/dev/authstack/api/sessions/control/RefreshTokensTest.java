package dev.authstack.api.sessions.control;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import dev.authstack.api.keys.control.MasterKey;
import dev.authstack.it.Garbage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefreshTokensTest {

    static final RefreshTokens tokens = RefreshTokens.with(MasterKey.of("unit-tests-master-key-0123456789-abcdefghijklmn"));
    static final String SESSION = UUID.randomUUID().toString();

    @Test
    void aTokenNamesItsSessionAndGeneration() {
        String token = tokens.issue(SESSION, 41);
        assertEquals(RefreshTokens.LENGTH, token.length());
        assertEquals(Optional.of(new RefreshTokens.Presented(SESSION, 41)), tokens.read(token));
        assertNotEquals(token, tokens.issue(SESSION, 42));
    }

    @Test
    void anotherMasterKeysTokenIsNobodys() {
        RefreshTokens other = RefreshTokens.with(MasterKey.of("another-master-key-0123456789-abcdefghijklmnopqr"));
        assertEquals(Optional.empty(), tokens.read(other.issue(SESSION, 0)));
    }

    /** Any change to a token, including the spare bits of its last character, makes it nobody's. */
    @Test
    void aTokenWithAnyCharacterChangedIsNobodys() {
        String token = tokens.issue(SESSION, 7);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ \u0000";
        for (int at = 0; at < token.length(); at++) {
            for (char replacement : alphabet.toCharArray()) {
                if (token.charAt(at) != replacement) {
                    String changed = token.substring(0, at) + replacement + token.substring(at + 1);
                    assertEquals(Optional.empty(), tokens.read(changed), changed);
                }
            }
        }
    }

    @Test
    void theGenerationIsAuthenticatedNotJustCarried() {
        byte[] bytes = Base64.getUrlDecoder().decode(tokens.issue(SESSION, 1));
        bytes[23] = 2;
        assertEquals(Optional.empty(), tokens.read(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
    }

    @Test
    void garbageIsNobodys() {
        Garbage.seeded().forAll(5000, garbage -> assertTrue(tokens.read(garbage).isEmpty(), garbage));
        // Garbage of the right length and alphabet, too.
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            byte[] bytes = new byte[56];
            random.nextBytes(bytes);
            assertTrue(tokens.read(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)).isEmpty());
        }
    }
}
