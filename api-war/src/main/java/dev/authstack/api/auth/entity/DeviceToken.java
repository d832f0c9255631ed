package dev.authstack.api.auth.entity;

import java.util.Objects;

/**
 * A device token as issued at a successful login: the text the client keeps ({@code value}, a secret of that device),
 * the device's id within it, which names the device's own bucket of failed logins, and how long it is good for.
 */
public record DeviceToken(String value, String deviceId, long lifetimeSeconds) {

    public DeviceToken {
        Objects.requireNonNull(value, "value is required.");
        Objects.requireNonNull(deviceId, "deviceId is required.");
    }

    /** The token must not reach a log through this record; the id alone is worthless without the token's tag. */
    @Override
    public String toString() {
        return "DeviceToken[lifetimeSeconds=" + lifetimeSeconds + "]";
    }
}
