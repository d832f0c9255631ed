package dev.authstack.web;

import java.io.Serializable;

import dev.authstack.api.contract.UserView;

/** A user as the pages show it: the API's {@link UserView} with the role and the date written for people. */
public class UserRow implements Serializable {

    private static final long serialVersionUID = 2L;

    private final UserView user;

    public UserRow(UserView user) {
        this.user = user;
    }

    public long getId() {
        return user.id();
    }

    public String getUsername() {
        return user.username();
    }

    public String getEmail() {
        return user.email();
    }

    public boolean isAdmin() {
        return user.isAdmin();
    }

    public boolean isActive() {
        return user.isActive();
    }

    public String getRole() {
        return user.isAdmin() ? "Administrator" : "User";
    }

    public String getCreatedAt() {
        return Times.of(user.createdAt());
    }

    public String getLastLoginAt() {
        return user.lastLoginAt() == null ? "never" : Times.of(user.lastLoginAt());
    }
}
