package dev.authstack.api.contract;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user changes their own password: the current one proves it is them, the new one meets the password rules. */
@Schema(description = "The current password and the new one.")
public record PasswordChange(
        @Schema(name = "current_password", example = "admin123", format = "password", required = true, minLength = 1, maxLength = 1024)
        @JsonbProperty("current_password") @NotNull @PlainText @Length(min = 1, max = 1024) String currentPassword,
        @Schema(name = "new_password", description = "8 to 72 bytes of UTF-8, not among the most common passwords.",
                example = "a long passphrase of mine", format = "password", required = true)
        @JsonbProperty("new_password") @NotNull @PlainText @ValidPassword @UncommonPassword String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[]";
    }
}
