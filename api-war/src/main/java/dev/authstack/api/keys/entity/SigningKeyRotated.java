package dev.authstack.api.keys.entity;

import java.time.Instant;

/** Fired inside the transaction that stores a new signing key; {@code automatic} when no administrator asked for it. */
public record SigningKeyRotated(String kid, Instant signsFrom, boolean automatic) {
}
