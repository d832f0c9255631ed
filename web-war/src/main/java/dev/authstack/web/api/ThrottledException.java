package dev.authstack.web.api;

/** The API throttles logins for this account or this address (429): the user waits {@link #retryAfterSeconds()}. */
public class ThrottledException extends RuntimeException {

    private final long retryAfterSeconds;

    public ThrottledException(long retryAfterSeconds) {
        super("Too many attempts; try again in " + retryAfterSeconds + (retryAfterSeconds == 1 ? " second." : " seconds."), null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
