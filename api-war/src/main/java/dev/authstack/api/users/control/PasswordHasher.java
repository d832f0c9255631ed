package dev.authstack.api.users.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;

import dev.authstack.api.contract.ValidPassword;

/**
 * BCrypt with the configured cost. Passwords longer than BCrypt's 72 bytes are refused by validation before they are
 * hashed; {@link #matches} answers false for them rather than comparing a silently truncated prefix.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    @ConfigProperty(name = "bcrypt.cost")
    int cost;

    BCryptPasswordEncoder encoder;
    /** Verified against when there is no hash to compare with, so that every answer costs one verification. */
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
     * Whether {@code password} is the one {@code hash} was made from. Every call spends exactly one BCrypt verification
     * at the configured cost, whatever the answer: against a decoy when there is no hash (an unknown user) or the
     * password cannot be compared (none, or longer than BCrypt reads), so the time of a failed login does not tell an
     * unknown user from a wrong password.
     */
    public boolean matches(String password, String hash) {
        boolean comparable = hash != null && password != null
                && password.getBytes(StandardCharsets.UTF_8).length <= ValidPassword.MAX_BYTES;
        boolean matched = encoder.matches(comparable ? password : "", comparable ? hash : decoy);
        return comparable && matched;
    }
}
