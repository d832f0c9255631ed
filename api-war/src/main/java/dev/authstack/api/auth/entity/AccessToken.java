package dev.authstack.api.auth.entity;

import java.time.Instant;

/** A freshly signed token and what the issuer must remember of it to revoke it later. */
public record AccessToken(String compact, String tokenId, long userId, Instant expiresAt, long lifetimeSeconds) {

    @Override
    public String toString() {
        // The compact form is a credential: keep it out of logs and debuggers' summaries.
        return "AccessToken[tokenId=" + tokenId + ", userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
