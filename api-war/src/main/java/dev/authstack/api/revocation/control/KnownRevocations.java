package dev.authstack.api.revocation.control;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import dev.authstack.api.users.entity.UserSecurityChanged;

/**
 * This instance's copy of what makes a token unacceptable, so that a request is checked in memory: the ids of revoked
 * tokens, each with the epoch second after which it no longer matters, and the users' security stamps. Fed by
 * {@link RevocationFeed}; safe for any number of threads.
 * <p>
 * Stamps only grow, whatever order the news arrives in ({@link #stampAtLeast}); the one exception is the database's
 * own settled value ({@link #settle}, {@link #replaceStamps}), read once no change is in flight.
 */
final class KnownRevocations {

    private final Map<String, Long> revokedTokens = new ConcurrentHashMap<>();
    private volatile Map<Long, Long> stamps = new ConcurrentHashMap<>();

    /** Refuses the token until {@code until}, from news this instance trusts: a token it verified, the database. */
    void tokenRevoked(String tokenId, long until) {
        tokenRevoked(tokenId, until, until);
    }

    /**
     * Refuses the token until {@code until}, but never past {@code latest}, the longest token life from now: a token
     * issued before this news cannot live longer, whatever epoch second a message names.
     */
    void tokenRevoked(String tokenId, long until, long latest) {
        revokedTokens.merge(tokenId, Math.min(until, latest), Math::max);
    }

    boolean isTokenRevoked(String tokenId, long nowSecond) {
        Long until = revokedTokens.get(tokenId);
        return until != null && until >= nowSecond;
    }

    void stampAtLeast(long userId, long stamp) {
        stamps.merge(userId, stamp, Math::max);
    }

    /** The stamp the database holds now; empty means the user is gone. */
    void settle(long userId, OptionalLong stamp) {
        stamps.put(userId, stamp.orElse(UserSecurityChanged.DELETED));
    }

    void replaceStamps(Map<Long, Long> settled) {
        stamps = new ConcurrentHashMap<>(settled);
    }

    /** The user's stamp, or null when this instance has not heard of the user. */
    Long stampOf(long userId) {
        return stamps.get(userId);
    }

    void forgetExpired(long nowSecond) {
        revokedTokens.values().removeIf(until -> until < nowSecond);
    }

    int revokedTokenCount() {
        return revokedTokens.size();
    }
}
