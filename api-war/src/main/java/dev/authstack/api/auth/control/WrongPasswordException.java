package dev.authstack.api.auth.control;

import dev.authstack.api.problems.entity.ProblemException;

/** The caller's current password, which a change of password must prove, was wrong. */
public class WrongPasswordException extends ProblemException {

    public WrongPasswordException() {
        super(403, "wrong-password", "Wrong Password", "The current password is incorrect.");
    }
}
