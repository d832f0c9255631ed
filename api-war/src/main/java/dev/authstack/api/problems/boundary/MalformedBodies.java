package dev.authstack.api.problems.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.NoContentException;

/** A body that is not JSON, or whose values have the wrong types, is the client's mistake: 400, never 500. */
final class MalformedBodies {

    private MalformedBodies() {
    }

    static boolean isMalformedBody(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonParsingException
                    || cause instanceof ProcessingException || cause instanceof jakarta.json.JsonException
                    || cause instanceof NoContentException) {
                return true;
            }
        }
        return false;
    }

    static Problem problemFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof NoContentException) {
                return new Problem(400, "malformed-body", "Malformed Request Body",
                        "The request body is empty; this resource expects a JSON object.");
            }
        }
        return problem();
    }

    static Problem problem() {
        return new Problem(400, "malformed-body", "Malformed Request Body",
                "The request body is not valid JSON of the expected shape: check the syntax and the value types.");
    }
}
