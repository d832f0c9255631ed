package dev.authstack.api.revocation.control;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.authstack.api.users.entity.UserSecurityChanged;

/**
 * This instance's copy of what makes a token unacceptable, so that a request is checked in memory: the ids of revoked
 * tokens, each with the epoch second after which it no longer matters, and the users' security stamps. Fed by
 * {@link RevocationFeed}. Any number of threads may read and announce; what follows a read of the database
 * ({@link #takeUnsettled} and {@link #settle}, {@link #stampsAboutToBeRead} and {@link #replaceStamps}) comes from one
 * thread at a time, the feed's listener, as a settle must not interleave with a resynchronisation.
 * <p>
 * Stamps only grow, whatever order the news arrives in ({@link #stampAnnounced}); the one exception is the database's
 * own settled value ({@link #settle}, {@link #replaceStamps}), read once no change is in flight, which never undoes a
 * stamp announced while it was being read. The methods that change stamps take this object's lock (changes to users
 * are rare); reads ({@link #stampOf}, on every request) take none.
 * <p>
 * Bounded, because whoever can publish on the channel decides how much news arrives: at most {@code maxTokens} revoked
 * tokens heard from Redis and at most {@code maxUsers} stamps. What does not fit is left out, never guessed: a token
 * left out is still in Redis ({@code auth:revoked:<id>} is written before it is published), so until the last one
 * left out would have expired anyway {@link #holdsEveryRevocation} says no and {@link Revocations} asks Redis; a user
 * whose stamp is not held is read from PostgreSQL on every request. News this instance trusts (its own logouts, the
 * sessions PostgreSQL says ended) is always kept: it is as much as the real traffic, not what a publisher wants.
 */
final class KnownRevocations {

    private final int maxTokens;
    private final int maxUsers;
    private final Map<String, Long> revokedTokens = new ConcurrentHashMap<>();
    private volatile Map<Long, Long> stamps = new ConcurrentHashMap<>();
    /** Users with a stamp announced since their stamp was last read settled: only they need a settle's database read. */
    private final Set<Long> unsettled = ConcurrentHashMap.newKeySet();
    /** The epoch second until which a revocation that did not fit could still matter. */
    private final AtomicLong leftOutUntil = new AtomicLong(Long.MIN_VALUE);

    KnownRevocations(int maxTokens, int maxUsers) {
        this.maxTokens = maxTokens;
        this.maxUsers = maxUsers;
    }

    /** Refuses the token until {@code until}, from news this instance trusts: a token it verified, the database. */
    void tokenRevoked(String tokenId, long until) {
        revokedTokens.merge(tokenId, until, Math::max);
    }

    /**
     * Refuses the token until {@code until}, but never past {@code latest}, the longest token life from now: a token
     * issued before this news cannot live longer, whatever epoch second a message names. False when it did not fit.
     */
    boolean tokenRevoked(String tokenId, long until, long latest) {
        long clamped = Math.min(until, latest);
        if (revokedTokens.size() >= maxTokens && !revokedTokens.containsKey(tokenId)) {
            leftOutUntil.accumulateAndGet(clamped, Math::max);
            return false;
        }
        revokedTokens.merge(tokenId, clamped, Math::max);
        return true;
    }

    boolean isTokenRevoked(String tokenId, long nowSecond) {
        Long until = revokedTokens.get(tokenId);
        return until != null && until >= nowSecond;
    }

    /** False while a revocation that did not fit could still apply: then a token not held here must be asked of Redis. */
    boolean holdsEveryRevocation(long nowSecond) {
        return leftOutUntil.get() < nowSecond;
    }

    /**
     * A change announced on the channel (or by this instance): the user's tokens with an older stamp are refused.
     * Marked unsettled in the same step as it is held, so that a database read already under way cannot undo it
     * ({@link #settle}, {@link #replaceStamps}).
     */
    synchronized void stampAnnounced(long userId, long stamp) {
        if (hold(userId, stamp)) {
            unsettled.add(userId);
        }
    }

    /** The committed stamp of a user this instance had not heard of, read from the database. */
    void stampLookedUp(long userId, long stamp) {
        hold(userId, stamp);
    }

    private boolean hold(long userId, long stamp) {
        if (stamps.size() >= maxUsers && !stamps.containsKey(userId)) {
            return false;
        }
        stamps.merge(userId, stamp, Math::max);
        return true;
    }

    /**
     * Whether a rolled-back change of the user needs the database read again, and from now on not: only when a stamp
     * was announced for it since it was last settled. A hundred {@code settle} messages for one user cost one read.
     */
    synchronized boolean takeUnsettled(long userId) {
        return unsettled.remove(userId);
    }

    /**
     * The stamp the database held when read after {@link #takeUnsettled}; empty means the user is gone. It replaces
     * the one held (a change that rolled back lowers it again), unless another change was announced while the database
     * was read: that one may commit after the read, so the higher stamp stays, and the user stays unsettled.
     */
    synchronized void settle(long userId, OptionalLong stamp) {
        long read = stamp.orElse(UserSecurityChanged.DELETED);
        stamps.computeIfPresent(userId, (user, held) -> unsettled.contains(user) ? Math.max(held, read) : read);
    }

    /** Before every stamp is read again: what is announced from now on, {@link #replaceStamps} keeps. */
    synchronized void stampsAboutToBeRead() {
        unsettled.clear();
    }

    /**
     * Every stamp, read settled after {@link #stampsAboutToBeRead}: what was announced before the read is in it; what
     * was announced while it read is kept where it is higher; the rest arrives on the channel after.
     */
    synchronized void replaceStamps(Map<Long, Long> settled) {
        Map<Long, Long> held = new ConcurrentHashMap<>();
        settled.entrySet().stream().limit(maxUsers).forEach(entry -> held.put(entry.getKey(), entry.getValue()));
        Map<Long, Long> previous = stamps;
        for (Long user : unsettled) {
            Long announced = previous.get(user);
            if (announced != null && (held.size() < maxUsers || held.containsKey(user))) {
                held.merge(user, announced, Math::max);
            }
        }
        stamps = held;
    }

    /** The user's stamp, or null when this instance does not hold it. */
    Long stampOf(long userId) {
        return stamps.get(userId);
    }

    void forgetExpired(long nowSecond) {
        revokedTokens.values().removeIf(until -> until < nowSecond);
    }

    int revokedTokenCount() {
        return revokedTokens.size();
    }

    int stampCount() {
        return stamps.size();
    }

    int maxTokens() {
        return maxTokens;
    }

    int maxUsers() {
        return maxUsers;
    }
}
