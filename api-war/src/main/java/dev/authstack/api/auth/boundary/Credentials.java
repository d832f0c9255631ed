package dev.authstack.api.auth.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.authstack.api.users.entity.PlainText;

/** A login request. Lengths are only bounded here: a wrong password of any length is simply a failed login. */
public record Credentials(@NotNull @PlainText @Size(min = 1, max = 254) String username,
        @NotNull @PlainText @Size(min = 1, max = 1024) String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + "]";
    }
}
