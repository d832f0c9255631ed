package dev.authstack.api.sessions.control;

import dev.authstack.api.problems.entity.ProblemException;

/**
 * One answer for a refresh token that is unknown, malformed, spent, expired or of an ended session, so none can be
 * told apart by whoever holds it.
 */
public class InvalidRefreshTokenException extends ProblemException {

    public InvalidRefreshTokenException() {
        super(401, "invalid-refresh-token", "Invalid Refresh Token",
                "The refresh token is invalid, expired or revoked; log in again.");
    }
}
