package dev.authstack.api.users.control;

import dev.authstack.api.problems.entity.ProblemException;

public class UserNotFoundException extends ProblemException {

    public UserNotFoundException(long id) {
        super(404, "user-not-found", "User Not Found", "There is no user with id " + id + ".");
    }
}
