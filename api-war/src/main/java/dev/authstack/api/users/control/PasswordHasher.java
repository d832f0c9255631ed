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

    private BCryptPasswordEncoder encoder;
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

    public boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        return encoder.matches(password, hash);
    }

    /** Spends one verification's time and answers false: the unknown-user path of a login. */
    public boolean matchesNothing(String password) {
        matches(password, decoy);
        return false;
    }
}
