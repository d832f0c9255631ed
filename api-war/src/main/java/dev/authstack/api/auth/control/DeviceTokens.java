package dev.authstack.api.auth.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;


import dev.authstack.api.auth.entity.DeviceToken;
import dev.authstack.api.contract.CanonicalUsername;
import dev.authstack.api.keys.control.MasterKey;
import dev.authstack.api.keys.control.PurposeKey;

/**
 * Issues and recognises device tokens (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a client that
 * logged in successfully once gets one, and a later login that presents it is throttled per device rather than per
 * account (see {@link LoginThrottle#beginOnDevice}).
 * <p>
 * A token is {@code base64url(device id, 16 random bytes | expiry, 8 bytes of epoch seconds) "." base64url(tag)}, 76
 * characters, where the tag is HMAC-SHA256, under a key derived from {@code MASTER_KEY} for this purpose alone, of the
 * first part and the user's canonical username. The name is bound without being carried: a token is good only beside
 * the name it was issued for, and for any other name it is as worthless as random text. Nothing is stored per token;
 * what can be done with one is limited by its device's bucket of failures and its expiry.
 * <p>
 * Recognising a token never fails: anything that is not exactly a live token of ours for that name (wrong length or
 * characters, a non-canonical encoding, another name's, tampered, expired) is simply no device.
 */
@ApplicationScoped
public class DeviceTokens {

    /**
     * Its fixed length: 32 characters for the 24 bytes of id and expiry, a dot, 43 for the 32 bytes of the tag; within
     * the contract's {@code Credentials.DEVICE_TOKEN_MAX_LENGTH}, which leaves room for a longer format.
     */
    static final int LENGTH = 76;
    private static final int ID_BYTES = 16;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{32}\\.[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @Inject
    MasterKey masterKey;

    @Inject
    @ConfigProperty(name = "login.device.token.ttl.seconds")
    long lifetimeSeconds;

    Clock clock = Clock.systemUTC();

    private final SecureRandom random = new SecureRandom();
    private PurposeKey key;

    /** Device tokens outside the container, for tests that need one the API would issue (or would have issued). */
    public static DeviceTokens of(MasterKey masterKey, long lifetimeSeconds, Clock clock) {
        DeviceTokens tokens = new DeviceTokens();
        tokens.masterKey = masterKey;
        tokens.lifetimeSeconds = lifetimeSeconds;
        tokens.clock = clock;
        tokens.init();
        return tokens;
    }

    @PostConstruct
    void init() {
        // A key of its own: a device token can be neither made from nor mistaken for anything else the master key signs.
        key = masterKey.keyFor("device tokens");
    }

    /** A token for a new device of the user with this (canonical) username. */
    public DeviceToken issue(CanonicalUsername username) {
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        long expiresAt = clock.instant().getEpochSecond() + lifetimeSeconds;
        byte[] body = ByteBuffer.allocate(ID_BYTES + Long.BYTES).put(id).putLong(expiresAt).array();
        String value = ENCODER.encodeToString(body) + "." + ENCODER.encodeToString(key.tag(body, bytesOf(username)));
        return new DeviceToken(value, ENCODER.encodeToString(id), lifetimeSeconds);
    }

    /** The device id of the token when it is one of ours, unexpired, for this username; otherwise empty. */
    public Optional<String> deviceOf(String token, String username) {
        if (token == null || token.length() != LENGTH || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        Optional<CanonicalUsername> name = CanonicalUsername.of(username);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        byte[] body = DECODER.decode(parts[0]);
        byte[] presented = DECODER.decode(parts[1]);
        // One text per token: a last character with stray low bits decodes to the same bytes, and is refused.
        if (!ENCODER.encodeToString(body).equals(parts[0]) || !ENCODER.encodeToString(presented).equals(parts[1])) {
            return Optional.empty();
        }
        if (!key.verifies(presented, body, bytesOf(name.get()))) {
            return Optional.empty();
        }
        ByteBuffer fields = ByteBuffer.wrap(body);
        byte[] id = new byte[ID_BYTES];
        fields.get(id);
        if (fields.getLong() <= clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(ENCODER.encodeToString(id));
    }

    /** The body has a fixed length, so the name that follows it in the tag cannot be confused with a part of it. */
    private static byte[] bytesOf(CanonicalUsername username) {
        return username.value().getBytes(StandardCharsets.UTF_8);
    }
}
