package dev.authstack.api.problems.entity;

/** PostgreSQL or Redis did not answer: the request is refused (fail closed) rather than half-checked. */
public class BackendUnavailableException extends ProblemException {

    public BackendUnavailableException(String backend, Throwable cause) {
        super(503, "service-unavailable", "Service Unavailable",
                backend + " is unreachable; the request was refused. Try again shortly.", cause);
    }
}
