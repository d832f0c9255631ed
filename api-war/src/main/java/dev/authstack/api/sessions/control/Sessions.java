package dev.authstack.api.sessions.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.authstack.api.metrics.control.Metrics;
import dev.authstack.api.sessions.entity.RefreshTokenReused;
import dev.authstack.api.sessions.entity.Session;
import dev.authstack.api.sessions.entity.SessionsEnded;
import dev.authstack.api.users.entity.UserSecurityChanged;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * Starts, refreshes, lists and ends sessions, in the caller's transaction. A refresh token names its session and
 * generation ({@link RefreshTokens}); a refresh locks the session's row before it compares the generations, so two
 * refreshes of one token serialise wherever they run: the first spends it, the second finds an older generation than
 * the session's, which is reuse, and ends the session (RFC 9700, 4.14.2).
 */
@ApplicationScoped
public class Sessions {

    private static final System.Logger LOG = System.getLogger(Sessions.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    Event<SessionsEnded> endings;

    @Inject
    Event<RefreshTokenReused> reuses;

    @Inject
    Sessions self;

    @Inject
    Metrics metrics;

    @Inject
    @ConfigProperty(name = "refresh.idle.seconds")
    long idleSeconds;

    @Inject
    @ConfigProperty(name = "session.max.seconds")
    long maxSeconds;

    @Inject
    @ConfigProperty(name = "access.token.ttl.seconds")
    long accessTokenSeconds;

    @Inject
    @ConfigProperty(name = "jwt.clock.skew.seconds")
    long clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "sessions.sweep.seconds")
    long sweepSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    Clock clock = Clock.systemUTC();

    /** A session and its current refresh token, which exists only here and in the answer. */
    public record Grant(Session session, String refreshToken, long refreshExpiresIn) {

        @Override
        public String toString() {
            return "Grant[session=" + session.id() + "]";
        }
    }

    void scheduleSweeps(@Observes @Initialized(ApplicationScoped.class) Object started) {
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
    }

    /** A session for the user as the login read it: {@code securityStamp} is the stamp its access tokens carry. */
    @Transactional
    public Grant start(long userId, long securityStamp, String clientAddress, String userAgent) {
        Instant now = clock.instant();
        Session session = new Session(UUID.randomUUID().toString(), userId, securityStamp, now, Duration.ofSeconds(maxSeconds),
                clientAddress, cut(userAgent));
        em.persist(session);
        return grant(session, now);
    }

    /**
     * Spends the refresh token and answers the session with the next one; {@link InvalidRefreshTokenException} for
     * anything else. The caller's transaction must commit on that exception too: reuse ends the session.
     */
    @Transactional(dontRollbackOn = InvalidRefreshTokenException.class)
    public Grant refresh(String refreshToken) {
        RefreshTokens.Presented presented = refreshTokens.read(refreshToken).orElseThrow(InvalidRefreshTokenException::new);
        Session session = em.find(Session.class, presented.sessionId(), LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            throw new InvalidRefreshTokenException();
        }
        Instant now = clock.instant();
        // Compared under the session's lock: a refresh that held it before us may have spent this generation.
        if (presented.generation() < session.refreshGeneration()) {
            if (session.endedAt() == null) {
                LOG.log(WARNING, "a spent refresh token of session {0} (user {1}) was presented again; the session is ended",
                        session.id(), session.userId());
                end(session, now, "refresh token reused");
                reuses.fire(new RefreshTokenReused(session.userId(), session.id()));
                metrics.refreshTokenReused();
            }
            throw new InvalidRefreshTokenException();
        }
        if (presented.generation() != session.refreshGeneration()) {
            throw new InvalidRefreshTokenException();
        }
        if (!session.isLive(now, idle())) {
            throw new InvalidRefreshTokenException();
        }
        // A login that read the user before a change that voids tokens may have started its session after the change
        // ended the user's sessions: its stamp is older, and it ends here instead of living on.
        List<?> stamp = em.createNativeQuery("SELECT security_stamp FROM users WHERE id = ? AND is_active")
                .setParameter(1, session.userId()).getResultList();
        if (stamp.isEmpty() || ((Number) stamp.get(0)).longValue() != session.securityStamp()) {
            session.end(now, "user changed");
            throw new InvalidRefreshTokenException();
        }
        session.refreshed(now);
        return grant(session, now);
    }

    /** The user's live sessions, newest first. */
    public List<Session> liveOf(long userId) {
        Instant now = clock.instant();
        return em.createNamedQuery(Session.LIVE_OF_USER, Session.class)
                .setParameter("userId", userId).setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("idleSince", now.minus(idle()).atOffset(ZoneOffset.UTC))
                .getResultList();
    }

    /** Ends one live session of this user; {@link SessionNotFoundException} when there is none with this id. */
    @Transactional
    public void end(long userId, String sessionId, String reason) {
        Session session = sessionId == null ? null : em.find(Session.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (session == null || session.userId() != userId || !session.isLive(now, idle())) {
            throw new SessionNotFoundException();
        }
        end(session, now, reason);
    }

    /** A change that voided the user's tokens ends all of the user's sessions, in the same transaction. */
    void userChanged(@Observes UserSecurityChanged change) {
        if (change.voidsTokens() && !change.isDeletion()) {
            em.createNativeQuery("UPDATE sessions SET ended_at = ?, ended_reason = 'user changed' WHERE user_id = ? AND ended_at IS NULL")
                    .setParameter(1, clock.instant().atOffset(ZoneOffset.UTC)).setParameter(2, change.userId()).executeUpdate();
        }
    }

    private void end(Session session, Instant now, String reason) {
        session.end(now, reason);
        em.flush();
        endings.fire(new SessionsEnded(session.userId(), List.of(session.id()), now.plusSeconds(accessTokenSeconds)));
    }

    private Grant grant(Session session, Instant now) {
        String refreshToken = refreshTokens.issue(session.id(), session.refreshGeneration());
        long expiresIn = Math.max(0, Duration.between(now, session.refreshableUntil(idle())).toSeconds());
        return new Grant(session, refreshToken, expiresIn);
    }

    /**
     * Removes sessions that can no longer be refreshed, once their access tokens can no longer be in use either (the
     * revocation feed reads ended sessions back from here when it resynchronises).
     */
    @Transactional
    public int sweep() {
        Instant now = clock.instant();
        Instant tokensGone = now.minusSeconds(accessTokenSeconds + clockSkewSeconds);
        return em.createNativeQuery("DELETE FROM sessions WHERE ended_at < ? OR expires_at < ? OR last_used_at < ?")
                .setParameter(1, tokensGone.atOffset(ZoneOffset.UTC))
                .setParameter(2, tokensGone.atOffset(ZoneOffset.UTC))
                .setParameter(3, tokensGone.minus(idle()).atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    private void sweepQuietly() {
        try {
            int removed = self.sweep();
            if (removed > 0) {
                LOG.log(INFO, "sessions: swept {0} ended or expired", removed);
            }
        } catch (RuntimeException e) {
            // PostgreSQL away: the next sweep catches up. A scheduled task that throws is never run again.
            LOG.log(WARNING, "sessions: sweep failed ({0})", String.valueOf(e.getMessage()));
        }
    }

    private Duration idle() {
        return Duration.ofSeconds(idleSeconds);
    }

    /** At most the column's length, cut on a character boundary, without control or bidirectional characters. */
    static String cut(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        String printable = userAgent.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= Session.USER_AGENT_LENGTH ? printable
                : printable.substring(0, Character.isHighSurrogate(printable.charAt(Session.USER_AGENT_LENGTH - 1))
                        ? Session.USER_AGENT_LENGTH - 1 : Session.USER_AGENT_LENGTH);
    }
}
