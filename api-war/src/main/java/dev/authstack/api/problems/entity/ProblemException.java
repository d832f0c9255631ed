package dev.authstack.api.problems.entity;

import java.util.Map;

/**
 * A failure the client is told about. The subclass names what failed; its status, type and title become the
 * problem document, its message the {@code detail}. Messages must never contain a secret, token or hash.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    protected ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    /** No stack trace is filled in: these are answers to clients, and the cause, when there is one, has its own. */
    protected ProblemException(int status, String type, String title, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The slug that names the problem type, e.g. {@code invalid-token}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** Headers the answer must carry, such as {@code WWW-Authenticate} on a 401. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
