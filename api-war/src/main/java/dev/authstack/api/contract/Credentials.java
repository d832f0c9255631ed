package dev.authstack.api.contract;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A login request. Lengths are only bounded here: a wrong password of any length is simply a failed login, and a
 * device token that is not a live one of this user's is simply no device token.
 */
@Schema(description = "A username and its password, and the device token of an earlier login on this device, if any.")
public record Credentials(
        @Schema(example = "admin", minLength = 1, maxLength = 254, required = true)
        @NotNull @PlainText @Length(min = 1, max = 254) String username,
        @Schema(example = "admin123", minLength = 1, maxLength = 1024, required = true, format = "password")
        @NotNull @PlainText @Length(min = 1, max = 1024) String password,
        @Schema(name = "device_token", maxLength = DEVICE_TOKEN_MAX_LENGTH, format = "password",
                description = "The device_token of this client's last successful login as this username. With a live one "
                        + "the login is throttled per device: other clients' failures for the account do not make it "
                        + "wait. Anything else (expired, another user's, altered, unknown) counts as absent.",
                example = "q8Vh3t0lS0m2G3bJ7yQw1AAAAABo2ZqA.pX3k9Yc2nQ7bL0aV8sD4fG6hJ1kZ5xC3vB9nM2qW7eQ")
        @JsonbProperty("device_token") @Length(max = DEVICE_TOKEN_MAX_LENGTH) String deviceToken) {

    /** Longer than any device token the API issues, so that a later format still fits; more is a 400. */
    public static final int DEVICE_TOKEN_MAX_LENGTH = 128;

    @Override
    public String toString() {
        return "Credentials[username=" + username + "]";
    }
}
