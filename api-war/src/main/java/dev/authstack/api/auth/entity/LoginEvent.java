package dev.authstack.api.auth.entity;

/**
 * Fired for every login attempt and logout, for whoever keeps a record. {@code submittedUsername} is what the client
 * typed, which may be a password typed into the wrong field: an observer may use it to find the account, and must
 * not keep it when no account has that name. {@code failure} says why a login failed, for the record only: the client
 * is told the same for every failure.
 */
public record LoginEvent(Kind kind, String submittedUsername, Long userId, String failure) {

    /** Why a login was throttled: its account must wait, or its client address. */
    public static final String BY_ACCOUNT = "account";
    public static final String BY_ADDRESS = "client address";

    public enum Kind {
        SUCCEEDED, FAILED, THROTTLED, LOGGED_OUT
    }

    public static LoginEvent succeeded(long userId) {
        return new LoginEvent(Kind.SUCCEEDED, null, userId, null);
    }

    public static LoginEvent failed(String submittedUsername, Long userId, String failure) {
        return new LoginEvent(Kind.FAILED, submittedUsername, userId, failure);
    }

    public static LoginEvent throttled(String submittedUsername, String failure) {
        return new LoginEvent(Kind.THROTTLED, submittedUsername, null, failure);
    }

    public static LoginEvent loggedOut(long userId) {
        return new LoginEvent(Kind.LOGGED_OUT, null, userId, null);
    }

    @Override
    public String toString() {
        return "LoginEvent[kind=" + kind + ", userId=" + userId + ", failure=" + failure + "]";
    }
}
