package dev.authstack.api.auth.control;

import dev.authstack.api.problems.entity.ProblemException;

public class AdminRequiredException extends ProblemException {

    public AdminRequiredException() {
        super(403, "admin-required", "Forbidden", "Only administrators may use this resource.");
    }
}
