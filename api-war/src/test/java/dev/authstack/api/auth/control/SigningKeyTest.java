package dev.authstack.api.auth.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningKeyTest {

    @Test
    void refusesAMissingSecretNamingTheVariable() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> SigningKey.fromSecret(null));
        assertTrue(failure.getMessage().contains("JWT_SECRET is not set"), failure.getMessage());
        assertThrows(IllegalStateException.class, () -> SigningKey.fromSecret("   "));
    }

    @Test
    void refusesASecretShorterThan32Bytes() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> SigningKey.fromSecret("x".repeat(31)));
        assertTrue(failure.getMessage().contains("31 bytes"), failure.getMessage());
    }

    @Test
    void countsBytesNotCharacters() {
        // 16 two-byte characters are 32 bytes of UTF-8: long enough.
        assertArrayEquals("é".repeat(16).getBytes(java.nio.charset.StandardCharsets.UTF_8), SigningKey.fromSecret("é".repeat(16)));
    }

    @Test
    void neverHandsOutItsOwnArray() {
        SigningKey key = SigningKey.of("k".repeat(32));
        key.bytes()[0] = 0;
        assertArrayEquals("k".repeat(32).getBytes(java.nio.charset.StandardCharsets.UTF_8), key.bytes());
    }
}
