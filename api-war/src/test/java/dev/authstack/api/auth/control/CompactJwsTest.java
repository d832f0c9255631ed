package dev.authstack.api.auth.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import dev.authstack.it.Garbage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One token, one text: every lenient variant a base64url decoder would accept is refused before verification. */
class CompactJwsTest {

    static final String TOKEN = Tokens.issuer(Instant.now()).issue(Tokens.user(1, "alice", false), Tokens.session()).compact();

    @Test
    void acceptsWhatTheIssuerSigns() {
        assertTrue(CompactJws.isCanonical(TOKEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"~", "!!", "%", "=", "==", " ", "\u0000", ".", "é"})
    void refusesATokenWithAnythingAppended(String suffix) {
        assertFalse(CompactJws.isCanonical(TOKEN + suffix));
        assertThrows(InvalidTokenException.class, () -> Tokens.verifier().verify(TOKEN + suffix));
    }

    @Test
    void refusesTheBase64AlphabetInsteadOfBase64Url() {
        String[] parts = TOKEN.split("\\.");
        // The signature is random enough to hold '-' or '_' often; force one in to be sure.
        String signature = "-" + parts[2].substring(1);
        assertTrue(CompactJws.isCanonical(parts[0] + "." + parts[1] + "." + signature));
        assertFalse(CompactJws.isCanonical(parts[0] + "." + parts[1] + "." + signature.replace('-', '+')));
        assertFalse(CompactJws.isCanonical(parts[0] + "." + parts[1] + "." + signature.replace('-', '/')));
    }

    @Test
    void refusesPaddingInsideAnySegment() {
        String[] parts = TOKEN.split("\\.");
        assertFalse(CompactJws.isCanonical(parts[0] + "=." + parts[1] + "." + parts[2]));
        assertFalse(CompactJws.isCanonical(parts[0] + "." + parts[1] + "==." + parts[2]));
    }

    @Test
    void refusesTheOtherEncodingsOfTheSameSignatureBytes() {
        // 64 bytes of ES256 signature in 86 characters: the last carries 4 bits that decoders ignore.
        String[] parts = TOKEN.split("\\.");
        assertEquals(86, parts[2].length());
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(parts[2].charAt(85));
        for (int unusedBits = 1; unusedBits < 16; unusedBits++) {
            String variant = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 85) + alphabet.charAt(last | unusedBits);
            assertNotEquals(TOKEN, variant);
            assertFalse(CompactJws.isCanonical(variant), variant);
            String text = variant;
            assertThrows(InvalidTokenException.class, () -> Tokens.verifier().verify(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a.b", "a.b.c.d", ".b.c", "a..c", "a.b.", "abcde.b.c"})
    void refusesWhatIsNotThreeSegments(String text) {
        assertFalse(CompactJws.isCanonical(text));
    }

    @Test
    void refusesAHugeToken() {
        assertFalse(CompactJws.isCanonical("a".repeat(CompactJws.MAX_LENGTH) + ".b.c"));
    }

    @Test
    void noOtherTextIsTheSameTokenAccepted() {
        TokenVerifier verifier = Tokens.verifier();
        verifier.verify(TOKEN);
        Garbage.seeded().forAll(2000, garbage -> {
            // Either the syntax refuses it, or it is another token whose signature no longer verifies.
            int at = Math.floorMod(garbage.hashCode(), TOKEN.length());
            String replaced = TOKEN.substring(0, at) + garbage + TOKEN.substring(at + 1);
            for (String variant : new String[] {replaced, TOKEN + garbage, garbage + TOKEN}) {
                if (!variant.equals(TOKEN)) {
                    assertThrows(InvalidTokenException.class, () -> verifier.verify(variant));
                }
            }
        });
    }
}
