package dev.authstack.api.users.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;

/**
 * BCrypt with the configured cost. Passwords longer than BCrypt's 72 bytes are refused by validation before they get
 * here; {@link #matches} answers false for them rather than comparing a silently truncated prefix.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final int MAX_BYTES = 72;

    @Inject
    @ConfigProperty(name = "bcrypt.cost")
    int cost;

    BCryptPasswordEncoder encoder;
    /** Verified against when the user does not exist, so that an unknown name costs as long as a wrong password. */
    private String decoy;

    @PostConstruct
    void init() {
        encoder = new BCryptPasswordEncoder(cost);
        decoy = encoder.encode("decoy password, never matches anything");
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    /**
     * Whether the password matches the hash. Always spends one BCrypt verification, against a decoy when there is no
     * hash (an unknown user), so that the time of an answer tells nothing.
     */
    public boolean verify(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            encoder.matches("", decoy);
            return false;
        }
        boolean matches = encoder.matches(password, hash == null ? decoy : hash);
        return matches && hash != null;
    }
}
