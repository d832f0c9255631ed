package dev.authstack.api.auth.control;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.authstack.api.users.entity.User;

/** Builds the token classes the way CDI would, for unit tests. */
final class Tokens {

    /** 64 bytes: long enough for HS512 too, so "the same secret, another HMAC" can be tried. */
    static final String SECRET = "unit-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHI";
    static final String ISSUER = "auth-demo";

    private Tokens() {
    }

    static TokenIssuer issuer(Instant now) {
        TokenIssuer issuer = new TokenIssuer();
        issuer.signingKey = SigningKey.of(SECRET);
        issuer.issuer = ISSUER;
        issuer.lifetimeSeconds = 3600;
        issuer.clock = Clock.fixed(now, ZoneOffset.UTC);
        issuer.init();
        return issuer;
    }

    static TokenVerifier verifier() {
        TokenVerifier verifier = new TokenVerifier();
        verifier.signingKey = SigningKey.of(SECRET);
        verifier.issuer = ISSUER;
        verifier.clockSkewSeconds = 30;
        verifier.init();
        return verifier;
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
