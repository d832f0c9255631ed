package dev.authstack.api.keys.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one secret of the API, {@code MASTER_KEY} from the environment (never a default, never in a file of the
 * project). Nothing is signed with it directly: each use gets a key of its own, derived for a named purpose
 * ({@link #derive}), so a key that leaks from one use stands for no other. Checked when the application starts, so a
 * missing or short secret stops the deployment with a clear message.
 */
@ApplicationScoped
public class MasterKey {

    /** 256 bits, the strength of every key derived from it. */
    static final int MINIMUM_BYTES = 32;

    @Inject
    Config config;

    private byte[] bytes;

    /** A master key from a literal secret, for tests and tools that run without the container. */
    public static MasterKey of(String secret) {
        MasterKey key = new MasterKey();
        key.bytes = fromSecret(secret);
        return key;
    }

    void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        bytes();
    }

    /** HMAC-SHA256 of the purpose under the master key (HKDF's expand step, one block): 32 bytes for that purpose only. */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes(), "HmacSHA256"));
            return mac.doFinal(("auth-stack " + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The HMAC key for a named purpose: {@link #derive}'s bytes, ready to tag with. */
    public PurposeKey keyFor(String purpose) {
        return new PurposeKey(derive(purpose));
    }

    private synchronized byte[] bytes() {
        if (bytes == null) {
            bytes = fromSecret(config.getOptionalValue("master.key", String.class).orElse(null));
        }
        return bytes;
    }

    static byte[] fromSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("MASTER_KEY is not set. Set it to a random value of at least "
                    + MINIMUM_BYTES + " bytes, e.g. MASTER_KEY=$(openssl rand -base64 48); keep it like a password: "
                    + "it unlocks the signing keys stored in the database.");
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MINIMUM_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new IllegalStateException("MASTER_KEY is " + key.length + " bytes long; it needs at least "
                    + MINIMUM_BYTES + ". Use e.g. MASTER_KEY=$(openssl rand -base64 48)");
        }
        return key;
    }
}
