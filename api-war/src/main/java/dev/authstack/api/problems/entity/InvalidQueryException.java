package dev.authstack.api.problems.entity;

/** A query parameter that Bean Validation could not judge alone: a 400 naming the parameter, as validation does. */
public class InvalidQueryException extends ProblemException {

    public InvalidQueryException(String parameter, String message) {
        super(400, "validation-failed", "Invalid Request", parameter + ": " + message);
    }
}
