package dev.authstack.api.users.control;

import dev.authstack.api.problems.entity.ProblemException;

public class DuplicateUserException extends ProblemException {

    public DuplicateUserException(String field) {
        super(409, "duplicate-user", "Duplicate User", "A user with this " + field + " already exists.");
    }
}
