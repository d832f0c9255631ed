package dev.authstack.api.security.entity;

import java.security.Principal;
import java.time.Instant;
import java.util.Objects;

/**
 * Who sent a request, as its verified token says: the user, the role, the token's id and expiry, the security stamp
 * the user had when the token was issued, and the session it belongs to ({@code null} for a token issued before
 * sessions existed). Becomes the request's {@link Principal}.
 */
public record Caller(long userId, String username, boolean admin, String tokenId, Instant expiresAt, long securityStamp,
                     String sessionId) implements Principal {

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
