package dev.authstack.api.auth.control;

import java.util.Map;

import dev.authstack.api.problems.entity.ProblemException;

/** One answer for an unknown user, a wrong password and a deactivated account, so none can be told apart. */
public class InvalidCredentialsException extends ProblemException {

    public InvalidCredentialsException() {
        super(401, "invalid-credentials", "Invalid Credentials", "The username or password is incorrect.");
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("WWW-Authenticate", BearerChallenge.NO_TOKEN.with(null));
    }
}
