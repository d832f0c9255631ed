package dev.authstack.api.auth.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A login request. Lengths are only bounded here: a wrong password of any length is simply a failed login. */
public record Credentials(@NotNull @Size(min = 1, max = 254) String username, @NotNull @Size(min = 1, max = 1024) String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + "]";
    }
}
