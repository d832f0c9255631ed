package dev.authstack.api.users.entity;

import java.util.List;

/** Fired inside the transaction of every change an administrator makes to a user; {@code fields} names what changed. */
public record UserAdministered(Kind kind, long userId, String username, List<String> fields) {

    public enum Kind {
        CREATED, UPDATED, DELETED
    }
}
