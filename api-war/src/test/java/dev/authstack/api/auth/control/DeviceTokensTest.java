package dev.authstack.api.auth.control;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;

import dev.authstack.api.auth.entity.DeviceToken;
import dev.authstack.api.contract.CanonicalUsername;
import dev.authstack.api.contract.Credentials;
import dev.authstack.api.keys.control.MasterKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceTokensTest {

    static final MasterKey MASTER_KEY = MasterKey.of("device-tokens-test-master-key-0123456789");
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    final DeviceTokens cut = DeviceTokens.of(MASTER_KEY, 3600, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void recognisesItsOwnTokenForTheNameItWasIssuedForInAnyAsciiCase() {
        DeviceToken token = cut.issue(alice());
        assertEquals(DeviceTokens.LENGTH, token.value().length());
        assertTrue(token.value().length() <= Credentials.DEVICE_TOKEN_MAX_LENGTH, "fits the contract's bound");
        assertEquals(Optional.of(token.deviceId()), cut.deviceOf(token.value(), "alice"));
        assertEquals(Optional.of(token.deviceId()), cut.deviceOf(token.value(), "ALICE"), "one account, one name");
    }

    @Test
    void everyTokenIsANewDevice() {
        assertNotEquals(cut.issue(alice()).deviceId(), cut.issue(alice()).deviceId());
    }

    @Test
    void aTokenIsNothingBesideAnotherName() {
        DeviceToken token = cut.issue(alice());
        assertEquals(Optional.empty(), cut.deviceOf(token.value(), "bob"));
        assertEquals(Optional.empty(), cut.deviceOf(token.value(), "alice "), "a name outside the rule is nobody's");
        assertEquals(Optional.empty(), cut.deviceOf(token.value(), null));
    }

    @Test
    void anExpiredTokenIsNothing() {
        DeviceToken token = cut.issue(alice());
        DeviceTokens later = DeviceTokens.of(MASTER_KEY, 3600, Clock.fixed(NOW.plus(Duration.ofSeconds(3600)), ZoneOffset.UTC));
        assertEquals(Optional.empty(), later.deviceOf(token.value(), "alice"));
        DeviceTokens justBefore = DeviceTokens.of(MASTER_KEY, 3600, Clock.fixed(NOW.plusSeconds(3599), ZoneOffset.UTC));
        assertEquals(Optional.of(token.deviceId()), justBefore.deviceOf(token.value(), "alice"));
    }

    @Test
    void aTokenOfAnotherMasterKeyIsNothing() {
        DeviceTokens other = DeviceTokens.of(MasterKey.of("another-master-key-of-another-deployment"), 3600,
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(Optional.empty(), cut.deviceOf(other.issue(alice()).value(), "alice"));
    }

    /** Every character changed, in turn, to every other character of the alphabet: never a device. */
    @Test
    void anyAlteredCharacterMakesItNothing() {
        String token = cut.issue(alice()).value();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \u0000\u00e9";
        for (int i = 0; i < token.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c != token.charAt(i)) {
                    String altered = token.substring(0, i) + c + token.substring(i + 1);
                    assertEquals(Optional.empty(), cut.deviceOf(altered, "alice"), "position " + i + ", " + (int) c);
                }
            }
        }
    }

    /** Base64 has two texts for the last character of the tag; only the canonical one is a token. */
    @Test
    void aNonCanonicalEncodingIsNothing() {
        String token = cut.issue(alice()).value();
        char last = token.charAt(token.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sibling = alphabet.charAt(alphabet.indexOf(last) + 1); // the canonical last character has its 2 low bits clear
        String variant = token.substring(0, token.length() - 1) + sibling;
        assertEquals(Base64.getUrlDecoder().decode(token.split("\\.")[1]).length,
                Base64.getUrlDecoder().decode(variant.split("\\.")[1]).length);
        assertEquals(Optional.empty(), cut.deviceOf(variant, "alice"));
    }

    @Test
    void garbageOfAnyShapeIsNothing() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String token = cut.issue(alice()).value();
        for (int i = 0; i < 5_000; i++) {
            int length = random.nextInt(4) == 0 ? DeviceTokens.LENGTH : random.nextInt(300);
            StringBuilder garbage = new StringBuilder();
            for (int j = 0; j < length; j++) {
                garbage.append(random.nextBoolean() ? token.charAt(random.nextInt(token.length())) : (char) random.nextInt(0x3000));
            }
            assertFalse(cut.deviceOf(garbage.toString(), "alice").isPresent(), "seed " + seed + ", case " + i);
        }
        assertEquals(Optional.empty(), cut.deviceOf(null, "alice"));
        assertEquals(Optional.empty(), cut.deviceOf("", "alice"));
    }

    @Test
    void theRecordDoesNotPrintTheToken() {
        DeviceToken token = cut.issue(alice());
        assertFalse(token.toString().contains(token.value()));
        assertFalse(new Credentials("alice", "secret", null).toString().contains("secret"));
        assertFalse(new Credentials("alice", "secret", token.value()).toString().contains(token.value()));
    }

    private static CanonicalUsername alice() {
        return CanonicalUsername.of("Alice").orElseThrow();
    }
}
