package dev.authstack.api.sessions.entity;

/** A spent refresh token came back: its session was ended. Fired in the transaction that ends it, for the audit trail. */
public record RefreshTokenReused(long userId, String sessionId) {
}
