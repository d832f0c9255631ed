package dev.authstack.api.contract;

import jakarta.json.bind.annotation.JsonbProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an administrator may change of a user; an absent field stays as it is. */
@Schema(description = "The fields to change; an absent field stays as it is.")
public record UserChanges(
        @Schema(example = "alice@example.org", pattern = "^" + EmailAddress.PATTERN + "$", maxLength = EmailAddress.MAX_LENGTH) @PlainText @EmailAddress String email,
        @Schema(description = "8 to 72 bytes of UTF-8 (as few as 2 characters of 4 bytes each), not one of the most common "
                + "passwords; revokes the user's tokens.", example = "another-horse", format = "password", minLength = 2,
                maxLength = ValidPassword.MAX_BYTES)
        @PlainText @ValidPassword @UncommonPassword String password,
        @Schema(name = "is_admin", description = "A change revokes the user's tokens.", example = "true")
        @JsonbProperty("is_admin") Boolean isAdmin,
        @Schema(name = "is_active", description = "A change revokes the user's tokens.", example = "false")
        @JsonbProperty("is_active") Boolean isActive) {

    @Override
    public String toString() {
        return "UserChanges[email=" + email + ", password=" + (password == null ? "unchanged" : "changed")
                + ", isAdmin=" + isAdmin + ", isActive=" + isActive + "]";
    }
}
