package dev.authstack.api.auth.control;

import java.util.Map;

import dev.authstack.api.problems.entity.ProblemException;

/** A bearer token was given but cannot be trusted: malformed, forged, of another algorithm, expired or revoked. */
public class InvalidTokenException extends ProblemException {

    public InvalidTokenException(String detail) {
        super(401, "invalid-token", "Invalid Token", detail);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("WWW-Authenticate", BearerChallenge.INVALID_TOKEN.with(getMessage()));
    }
}
