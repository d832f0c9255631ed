package dev.authstack.api.revocation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.authstack.api.metrics.control.Metrics;
import dev.authstack.api.problems.entity.BackendUnavailableException;
import dev.authstack.api.redis.control.Redis;
import dev.authstack.api.sessions.entity.SessionsEnded;
import dev.authstack.api.security.entity.Caller;
import dev.authstack.api.users.entity.UserSecurityChanged;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.params.SetParams;

/**
 * Whether a verified token may still be used, answered from this instance's memory ({@link KnownRevocations}), so a
 * protected request costs no Redis or database round trip. Two ways a token stops being acceptable:
 * <ul>
 * <li>Logout: {@code auth:revoked:<jti>} is set in Redis until the token's {@code exp} plus the clock skew (its value
 * is that epoch second), so Redis never holds more than the live revocations, and the revocation is published.</li>
 * <li>A change that voids a user's tokens: the user's security stamp, in PostgreSQL, grows, and every token carries
 * the stamp its user had when the login read the user, so a token issued before the change, however its login raced
 * the change, carries an older stamp and is refused. The new stamp is published before the change commits: if Redis
 * cannot take it the change is rolled back (503), so no change commits while another instance could still accept the
 * old tokens; if the change fails after that, {@code settle} tells every instance to read the stamp again.</li>
 * </ul>
 * Redis only carries the news: a Redis that lost its data cannot bring a changed user's tokens back, because every
 * instance reads the stamps from PostgreSQL whenever it (re)subscribes.
 */
@ApplicationScoped
public class Revocations {

    static final String REVOKED = "auth:revoked:";
    /**
     * An ended session is kept with the revoked tokens, under its own kind of id, so that the same Redis keys, feed
     * messages and resynchronisation carry it: a token id is a UUID and never starts so.
     */
    static final String ENDED_SESSION = "sid-";
    private static final System.Logger LOG = System.getLogger(Revocations.class.getName());

    @Inject
    Redis redis;

    @Inject
    RevocationFeed feed;

    @Inject
    SecurityStamps securityStamps;

    @Inject
    Metrics metrics;

    @Inject
    @ConfigProperty(name = "jwt.clock.skew.seconds")
    int clockSkewSeconds;

    Clock clock = Clock.systemUTC();

    /**
     * Why a verified token may no longer be used (revoked by a logout or by a change to its user), or empty when it may;
     * 503 while this can not be known. The caller turns a reason into its 401: the answer's shape (the bearer
     * challenge) belongs to authentication, and this package must not depend on it.
     */
    public Optional<String> refusal(Caller caller) {
        ensureKnowable();
        KnownRevocations known = feed.known();
        long now = clock.instant().getEpochSecond();
        if (known.isTokenRevoked(caller.tokenId(), now)) {
            return Optional.of("The token has been revoked.");
        }
        String endedSession = caller.sessionId() == null ? null : ENDED_SESSION + caller.sessionId();
        if (endedSession != null && known.isTokenRevoked(endedSession, now)) {
            return Optional.of("The token's session has ended; log in again.");
        }
        if (!known.holdsEveryRevocation(now)) {
            Optional<String> refusal = refusalInRedis(caller.tokenId(), endedSession);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        if (caller.securityStamp() < stampOf(caller.userId(), known)) {
            return Optional.of("The token was revoked by a change to its user; log in again.");
        }
        return Optional.empty();
    }

    /** 503 while the feed is down or resynchronising: nothing issued or checked now could be trusted. */
    public void ensureKnowable() {
        if (!feed.isSynchronised()) {
            metrics.backendUnavailable(Metrics.REDIS);
            throw new BackendUnavailableException("Redis", null);
        }
    }

    /**
     * While a revocation heard on the channel did not fit in memory, Redis holds it: {@code auth:revoked:<id>} is
     * written before it is published, and lives as long as it matters.
     */
    private Optional<String> refusalInRedis(String tokenId, String endedSession) {
        List<String> keys = endedSession == null ? List.of(REVOKED + tokenId) : List.of(REVOKED + tokenId, REVOKED + endedSession);
        List<String> found = redis.call(client -> client.mget(keys.toArray(String[]::new)));
        if (found.get(0) != null) {
            return Optional.of("The token has been revoked.");
        }
        if (found.size() > 1 && found.get(1) != null) {
            return Optional.of("The token's session has ended; log in again.");
        }
        return Optional.empty();
    }

    /**
     * A user created after this instance last synchronised is looked up, and held when the memory has room; the feed
     * keeps it current after. One the memory cannot hold is read from the database on every request.
     */
    private long stampOf(long userId, KnownRevocations known) {
        Long held = known.stampOf(userId);
        if (held != null) {
            return held;
        }
        OptionalLong committed;
        try {
            committed = securityStamps.stampOf(userId);
        } catch (RuntimeException e) {
            metrics.backendUnavailable(Metrics.POSTGRESQL);
            throw new BackendUnavailableException("PostgreSQL", e);
        }
        long stamp = committed.orElse(UserSecurityChanged.DELETED);
        known.stampLookedUp(userId, stamp);
        // News may have arrived meanwhile; a stamp only grows.
        held = known.stampOf(userId);
        return held == null ? stamp : Math.max(held, stamp);
    }

    public void revoke(String tokenId, Instant expiresAt) {
        long until = expiresAt.getEpochSecond() + clockSkewSeconds;
        if (until <= clock.instant().getEpochSecond()) {
            return;
        }
        String message = new FeedMessage.TokenRevoked(tokenId, until).text();
        redis.call(client -> {
            try (AbstractPipeline pipeline = client.pipelined()) {
                pipeline.set(REVOKED + tokenId, String.valueOf(until), SetParams.setParams().exAt(until));
                pipeline.publish(RevocationFeed.CHANNEL, message);
                pipeline.sync();
            }
            return null;
        });
        metrics.revocationPublished(message);
        feed.known().tokenRevoked(tokenId, until);
    }

    /**
     * Sessions ended one by one (a logout, the user's or an administrator's choice, reuse of a refresh token): their
     * access tokens are refused until the last of them has expired. Inside the ending's transaction, before it
     * commits, like a stamp: Redis down rolls the ending back (503) rather than leave tokens working elsewhere.
     */
    void sessionsEnded(@Observes SessionsEnded ended) {
        for (String sessionId : ended.sessionIds()) {
            revoke(ENDED_SESSION + sessionId, ended.accessTokensExpireBy());
        }
    }

    /** Inside the change's transaction, before it commits: a failure here (Redis down) rolls the change back. */
    void announce(@Observes UserSecurityChanged change) {
        publish(new FeedMessage.StampChanged(change.userId(), change.stamp()));
        feed.known().stampAnnounced(change.userId(), change.stamp());
    }

    /** The change was announced but did not commit: every instance reads the user's stamp again. */
    void settle(@Observes(during = TransactionPhase.AFTER_FAILURE) UserSecurityChanged change) {
        try {
            publish(new FeedMessage.ChangeRolledBack(change.userId()));
        } catch (RuntimeException e) {
            // Safe either way: until the stamp is read again, the user's current tokens are refused, never accepted.
            LOG.log(System.Logger.Level.WARNING, "could not announce that a change to user {0} was rolled back ({1}); "
                    + "its tokens stay refused until the instances resynchronise", change.userId(), e.getMessage());
        }
    }

    private void publish(FeedMessage message) {
        redis.call(client -> client.publish(RevocationFeed.CHANNEL, message.text()));
        metrics.revocationPublished(message.text());
    }
}
