package dev.authstack.api.auth.control;

import com.nimbusds.jose.jwk.ECKey;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.authstack.api.keys.control.KeyRing;
import dev.authstack.api.sessions.entity.Session;
import dev.authstack.api.users.entity.User;
import dev.authstack.it.ForgedTokens;

/** Builds the token classes the way CDI would, for unit tests. */
final class Tokens {

    /** The key the unit tests' issuer signs with, and the only key their verifier trusts. */
    static final ECKey KEY = ForgedTokens.strangerKey();
    static final String ISSUER = "https://auth.example.test/api/v1";
    static final String AUDIENCE = "auth-stack";
    static final String SESSION = "5b0f7a7e-3f63-4f0a-9c34-2b8c1b3f9d11";

    private Tokens() {
    }

    static TokenIssuer issuer(Instant now) {
        TokenIssuer issuer = new TokenIssuer();
        issuer.keys = KeyRing.of(Clock.fixed(now, ZoneOffset.UTC), 3600, KEY);
        issuer.issuer = ISSUER;
        issuer.audience = AUDIENCE;
        issuer.lifetimeSeconds = 3600;
        issuer.clock = Clock.fixed(now, ZoneOffset.UTC);
        return issuer;
    }

    static TokenVerifier verifier() {
        TokenVerifier verifier = new TokenVerifier();
        verifier.keys = KeyRing.of(Clock.systemUTC(), 3600, KEY);
        verifier.issuer = ISSUER;
        verifier.audience = AUDIENCE;
        verifier.clockSkewSeconds = 30;
        verifier.init();
        return verifier;
    }

    /** The session {@link #SESSION} of a user whose security stamp is 0. */
    static Session session() {
        return new Session(SESSION, 1, 0, Instant.parse("2026-12-01T10:00:00Z"), java.time.Duration.ofDays(30), null, null);
    }

    static User user(long id, String username, boolean admin) {
        User user = new User(username, username + "@example.com", "$2a$10$" + "x".repeat(53), admin);
        try {
            Field field = User.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(user, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return user;
    }
}
