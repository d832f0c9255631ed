package dev.authstack.web.api;

import java.util.Map;

/** The API refused a request (400, 403, 404, 409...): its problem detail is what the user is shown. */
public class ApiProblemException extends RuntimeException {

    private final int status;
    private final Map<String, String> fieldErrors;

    public ApiProblemException(int status, String detail, Map<String, String> fieldErrors) {
        super(detail, null, false, false);
        this.status = status;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public int status() {
        return status;
    }

    /** Per-field messages of a 400, keyed by the API's field name ({@code username}, {@code email}...). */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
