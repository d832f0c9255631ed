package dev.authstack.api.users.control;

import dev.authstack.api.problems.entity.ProblemException;

/** Refuses the change that would leave no active administrator: the system must not lock itself out. */
public class LastAdminException extends ProblemException {

    public LastAdminException() {
        super(409, "last-admin", "Last Administrator",
                "This is the last active administrator: it cannot be demoted, deactivated or deleted.");
    }
}
