package dev.authstack.api.users.entity;

/**
 * Fired inside the transaction that sets a user's security stamp, before it commits: {@code stamp} is the user's new
 * stamp ({@code 0} for a new user, more after a change that voids the user's tokens), or {@link #DELETED} when the
 * user is gone. Whoever keeps tokens valid reacts to it; a failure of the reaction rolls the change back.
 */
public record UserSecurityChanged(long userId, long stamp) {

    /** No token's stamp reaches it: every token of a deleted user is refused. */
    public static final long DELETED = Long.MAX_VALUE;

    public static UserSecurityChanged deleted(long userId) {
        return new UserSecurityChanged(userId, DELETED);
    }

    public static UserSecurityChanged created(long userId) {
        return new UserSecurityChanged(userId, 0);
    }

    public boolean isDeletion() {
        return stamp == DELETED;
    }

    /** Whether tokens were voided: not for a new user, who has none. */
    public boolean voidsTokens() {
        return stamp != 0;
    }
}
