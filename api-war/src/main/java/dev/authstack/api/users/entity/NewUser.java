package dev.authstack.api.users.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator sends to register a user. */
public record NewUser(
        @NotNull @PlainText @Pattern(regexp = NewUser.USERNAME, message = NewUser.USERNAME_RULE) String username,
        @NotNull @PlainText @Email @Pattern(regexp = NewUser.EMAIL, message = "must be a well-formed email address")
        @Size(max = 254) String email,
        @NotNull @PlainText @ValidPassword @UncommonPassword String password,
        @JsonbProperty("is_admin") Boolean isAdmin) {

    public static final String USERNAME = "[A-Za-z0-9_.-]{3,50}";
    public static final String USERNAME_RULE = "must be 3 to 50 letters, digits, '_', '.' or '-'";
    /** Stricter than {@code @Email} alone, which accepts a domain without a dot. */
    public static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", email=" + email + ", isAdmin=" + isAdmin + "]";
    }
}
