package dev.authstack.web.api;

/** The API did not answer, or answered 503 because one of its backends is down. */
public class ApiUnavailableException extends RuntimeException {

    public ApiUnavailableException(Throwable cause) {
        super("The service is temporarily unavailable. Please try again in a moment.", cause, false, false);
    }
}
