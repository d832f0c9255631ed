package dev.authstack.api.auth.control;

import java.util.Map;

import dev.authstack.api.problems.entity.ProblemException;

public class AuthenticationRequiredException extends ProblemException {

    public AuthenticationRequiredException() {
        super(401, "authentication-required", "Authentication Required",
                "This resource needs a bearer token: log in at /api/v1/auth/login and send 'Authorization: Bearer <token>'.");
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("WWW-Authenticate", BearerChallenge.NO_TOKEN.with(null));
    }
}
