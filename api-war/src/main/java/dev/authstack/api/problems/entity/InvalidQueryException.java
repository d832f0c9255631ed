package dev.authstack.api.problems.entity;

/** A query parameter that Bean Validation could not judge alone: a 400 naming the parameter, as validation does. */
public class InvalidQueryException extends ProblemException {

    public InvalidQueryException(String parameter, String message) {
        super(400, "validation-failed", "Invalid Request", parameter + ": " + message);
    }

    /** The value of a query parameter, when absent or matching the pattern; otherwise this exception, naming the rule. */
    public static String requireMatch(String parameter, String value, String pattern, String rule) {
        if (value != null && !value.matches(pattern)) {
            throw new InvalidQueryException(parameter, rule);
        }
        return value;
    }
}
