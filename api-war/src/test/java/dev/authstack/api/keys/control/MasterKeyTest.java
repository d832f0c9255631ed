package dev.authstack.api.keys.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MasterKeyTest {

    @Test
    void refusesAMissingSecretNamingTheVariable() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> MasterKey.fromSecret(null));
        assertTrue(failure.getMessage().contains("MASTER_KEY is not set"), failure.getMessage());
        assertThrows(IllegalStateException.class, () -> MasterKey.fromSecret("   "));
    }

    @Test
    void refusesASecretShorterThan32Bytes() {
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> MasterKey.fromSecret("x".repeat(31)));
        assertTrue(failure.getMessage().contains("31 bytes"), failure.getMessage());
    }

    @Test
    void countsBytesNotCharacters() {
        // 16 two-byte characters are 32 bytes of UTF-8: long enough.
        assertArrayEquals("é".repeat(16).getBytes(StandardCharsets.UTF_8), MasterKey.fromSecret("é".repeat(16)));
    }

    @Test
    void derivesAKeyOfItsOwnForEachPurpose() {
        MasterKey key = MasterKey.of("k".repeat(32));
        assertEquals(32, key.derive("login throttle").length);
        assertArrayEquals(key.derive("login throttle"), key.derive("login throttle"));
        assertFalse(java.util.Arrays.equals(key.derive("login throttle"), key.derive("signing keys at rest")));
        assertFalse(java.util.Arrays.equals(key.derive("login throttle"), MasterKey.of("j".repeat(32)).derive("login throttle")));
        // No use gets the master key itself.
        assertFalse(java.util.Arrays.equals("k".repeat(32).getBytes(StandardCharsets.UTF_8), key.derive("")));
    }
}
