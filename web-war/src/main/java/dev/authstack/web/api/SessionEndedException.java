package dev.authstack.web.api;

/** The API no longer accepts the session's token (expired, revoked by logout elsewhere, user changed or removed). */
public class SessionEndedException extends RuntimeException {

    public SessionEndedException() {
        super("The session's token is no longer accepted.", null, false, false);
    }
}
