package dev.authstack.api.users.boundary;

import dev.authstack.api.contract.UserView;
import dev.authstack.api.users.entity.User;

/**
 * The user as the API shows it: the one place the entity becomes the contract's record. Here, at the boundary, so that
 * the entity does not depend on the wire contract; {@code auth}'s login answer uses it too.
 */
public final class UserViews {

    private UserViews() {
    }

    public static UserView of(User user) {
        return new UserView(user.id(), user.username(), user.email(), user.isAdmin(), user.isActive(), user.createdAt(),
                user.lastLoginAt());
    }
}
