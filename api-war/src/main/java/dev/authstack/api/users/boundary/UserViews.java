package dev.authstack.api.users.boundary;

import dev.authstack.api.contract.UserView;
import dev.authstack.api.users.entity.User;

/** The one place that turns the entity into the contract's {@link UserView}: the contract knows no entity. */
public final class UserViews {

    private UserViews() {
    }

    public static UserView of(User user) {
        return new UserView(user.id(), user.username(), user.email(), user.isAdmin(), user.isActive(), user.createdAt(), user.lastLoginAt());
    }
}
