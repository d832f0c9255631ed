package dev.authstack.api.auth.entity;

import java.security.Principal;
import java.time.Instant;
import java.util.Objects;

/** Who sent a request, as its verified token says. Becomes the request's {@link Principal}. */
public record Caller(long userId, String username, boolean admin, String tokenId, Instant expiresAt) implements Principal {

    public static final String ADMIN_ROLE = "admin";

    public Caller {
        Objects.requireNonNull(username, "username is required.");
        Objects.requireNonNull(tokenId, "tokenId is required.");
        Objects.requireNonNull(expiresAt, "expiresAt is required.");
    }

    @Override
    public String getName() {
        return username;
    }
}
