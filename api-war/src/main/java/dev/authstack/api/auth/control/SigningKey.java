package dev.authstack.api.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The HMAC key: the UTF-8 bytes of {@code JWT_SECRET}, so any JWT library given the same secret verifies our tokens.
 * Checked when the application starts, so a missing or short secret stops the deployment with a clear message
 * instead of failing on the first login.
 */
@ApplicationScoped
public class SigningKey {

    /** HS256 needs a key at least as long as its output (RFC 7518, 3.2). */
    static final int MINIMUM_BYTES = 32;

    @Inject
    Config config;

    private byte[] bytes;

    /** A key from a literal secret, for tests and tools that run without the container. */
    static SigningKey of(String secret) {
        SigningKey key = new SigningKey();
        key.bytes = fromSecret(secret);
        return key;
    }

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        bytes();
    }

    public byte[] bytes() {
        if (bytes == null) {
            bytes = fromSecret(config.getOptionalValue("jwt.secret", String.class).orElse(null));
        }
        return bytes.clone();
    }

    static byte[] fromSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("JWT_SECRET is not set. Set it to a random value of at least "
                    + MINIMUM_BYTES + " bytes, e.g. JWT_SECRET=$(openssl rand -base64 48)");
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MINIMUM_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new IllegalStateException("JWT_SECRET is " + key.length + " bytes long; HS256 needs at least "
                    + MINIMUM_BYTES + ". Use e.g. JWT_SECRET=$(openssl rand -base64 48)");
        }
        return key;
    }
}
