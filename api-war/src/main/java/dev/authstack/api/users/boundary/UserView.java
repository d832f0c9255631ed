package dev.authstack.api.users.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

import dev.authstack.api.users.entity.User;

/** A user as the API shows it: never the password hash. */
@JsonbPropertyOrder({"id", "username", "email", "isAdmin", "isActive", "createdAt"})
public record UserView(
        long id,
        String username,
        String email,
        @JsonbProperty("is_admin") boolean isAdmin,
        @JsonbProperty("is_active") boolean isActive,
        @JsonbProperty("created_at") Instant createdAt) {

    public static UserView of(User user) {
        return new UserView(user.id(), user.username(), user.email(), user.isAdmin(), user.isActive(), user.createdAt());
    }
}
