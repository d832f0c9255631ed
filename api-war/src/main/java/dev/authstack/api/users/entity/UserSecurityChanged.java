package dev.authstack.api.users.entity;

/**
 * Fired inside the transaction of a change that voids a user's tokens, before it commits: {@code stamp} is the user's
 * new security stamp, or {@link #DELETED} when the user is gone. Whoever keeps tokens valid reacts to it; a failure
 * of the reaction rolls the change back.
 */
public record UserSecurityChanged(long userId, long stamp) {

    /** No token's stamp reaches it: every token of a deleted user is refused. */
    public static final long DELETED = Long.MAX_VALUE;

    public static UserSecurityChanged deleted(long userId) {
        return new UserSecurityChanged(userId, DELETED);
    }

    public boolean isDeletion() {
        return stamp == DELETED;
    }
}
