package dev.authstack.api.contract;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A login request. Lengths are only bounded here: a wrong password of any length is simply a failed login. */
@Schema(description = "A username and its password.")
public record Credentials(
        @Schema(example = "admin", minLength = 1, maxLength = 254, required = true)
        @NotNull @PlainText @Length(min = 1, max = 254) String username,
        @Schema(example = "admin123", minLength = 1, maxLength = 1024, required = true, format = "password")
        @NotNull @PlainText @Length(min = 1, max = 1024) String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + "]";
    }
}
