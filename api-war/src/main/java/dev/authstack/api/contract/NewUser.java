package dev.authstack.api.contract;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an administrator sends to register a user. */
@Schema(description = "A user to register.")
public record NewUser(
        @Schema(example = "alice", pattern = "^" + Username.PATTERN + "$", minLength = 3, maxLength = Username.MAX_LENGTH, required = true)
        @NotNull @PlainText @Username String username,
        @Schema(example = "alice@example.com", pattern = "^" + EmailAddress.PATTERN + "$", maxLength = EmailAddress.MAX_LENGTH,
                required = true)
        @NotNull @PlainText @EmailAddress String email,
        @Schema(description = "8 to 72 bytes of UTF-8 (as few as 2 characters of 4 bytes each), not one of the most common "
                + "passwords.", example = "correct-horse", format = "password", minLength = 2, maxLength = ValidPassword.MAX_BYTES,
                required = true)
        @NotNull @PlainText @ValidPassword @UncommonPassword String password,
        @Schema(name = "is_admin", description = "false when absent.", example = "false")
        @JsonbProperty("is_admin") Boolean isAdmin) {

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", email=" + email + ", isAdmin=" + isAdmin + "]";
    }
}
