package dev.authstack.api.problems.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.NoContentException;

import dev.authstack.api.problems.control.Causes;

/** A body that is not JSON, or whose values have the wrong types, is the client's mistake: 400, never 500. */
final class MalformedBodies {

    private MalformedBodies() {
    }

    static boolean isMalformedBody(Throwable failure) {
        return Causes.of(failure).anyMatch(cause -> cause instanceof JsonbException || cause instanceof JsonParsingException
                || cause instanceof ProcessingException || cause instanceof jakarta.json.JsonException
                || cause instanceof NoContentException);
    }

    static Problem problemFor(Throwable failure) {
        if (Causes.find(failure, NoContentException.class).isPresent()) {
            return new Problem(400, "malformed-body", "Malformed Request Body",
                    "The request body is empty; this resource expects a JSON object.");
        }
        return problem();
    }

    static Problem problem() {
        return new Problem(400, "malformed-body", "Malformed Request Body",
                "The request body is not valid JSON of the expected shape: check the syntax and the value types.");
    }
}
