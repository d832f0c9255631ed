package dev.authstack.api.users.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator may change of a user; an absent field stays as it is. */
public record UserChanges(
        @PlainText @Email @Pattern(regexp = NewUser.EMAIL, message = "must be a well-formed email address") @Size(max = 254) String email,
        @PlainText @ValidPassword @UncommonPassword String password,
        @JsonbProperty("is_admin") Boolean isAdmin,
        @JsonbProperty("is_active") Boolean isActive) {

    @Override
    public String toString() {
        return "UserChanges[email=" + email + ", password=" + (password == null ? "unchanged" : "changed")
                + ", isAdmin=" + isAdmin + ", isActive=" + isActive + "]";
    }
}
