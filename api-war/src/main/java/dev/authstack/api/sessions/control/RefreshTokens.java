package dev.authstack.api.sessions.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.authstack.api.keys.control.MasterKey;
import dev.authstack.api.keys.control.PurposeKey;

/**
 * Refresh tokens that name their session and their place in its rotation, authenticated with a key derived from
 * {@code MASTER_KEY} for this purpose: the session id (16 bytes), the generation (8) and an HMAC-SHA256 of both (32),
 * in base64url. The session row keeps only its current generation, so a token older than it is recognised as a spent
 * one however long ago it was spent (reuse), at one row per session whatever the number of refreshes, and the database
 * holds nothing a token can be made from.
 */
@ApplicationScoped
public class RefreshTokens {

    /** 56 bytes in base64url without padding. */
    public static final int LENGTH = 75;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");
    private static final int SIGNED_BYTES = 24;

    @Inject
    MasterKey masterKey;

    private PurposeKey key;

    /** A token the MAC vouches for: it was issued by an instance holding our master key. */
    public record Presented(String sessionId, long generation) {
    }

    static RefreshTokens with(MasterKey masterKey) {
        RefreshTokens tokens = new RefreshTokens();
        tokens.masterKey = masterKey;
        tokens.init();
        return tokens;
    }

    @PostConstruct
    void init() {
        key = masterKey.keyFor("refresh tokens");
    }

    public String issue(String sessionId, long generation) {
        UUID id = UUID.fromString(sessionId);
        ByteBuffer token = ByteBuffer.allocate(SIGNED_BYTES + 32)
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).putLong(generation);
        token.put(key.tag(Arrays.copyOf(token.array(), SIGNED_BYTES)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** The session and generation of a token we issued; empty for anything else, whatever its shape. */
    public Optional<Presented> read(String token) {
        if (token == null || !FORM.matcher(token).matches()) {
            return Optional.empty();
        }
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        // The last character carries two spare bits: one token, one spelling.
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(token)) {
            return Optional.empty();
        }
        byte[] signed = Arrays.copyOf(bytes, SIGNED_BYTES);
        if (!key.verifies(Arrays.copyOfRange(bytes, SIGNED_BYTES, bytes.length), signed)) {
            return Optional.empty();
        }
        ByteBuffer fields = ByteBuffer.wrap(signed);
        return Optional.of(new Presented(new UUID(fields.getLong(), fields.getLong()).toString(), fields.getLong()));
    }
}
