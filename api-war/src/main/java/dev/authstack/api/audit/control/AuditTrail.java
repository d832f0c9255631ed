package dev.authstack.api.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;

import dev.authstack.api.audit.entity.AuditEvent;
import dev.authstack.api.audit.entity.AuditEventType;
import dev.authstack.api.auth.entity.LoginEvent;
import dev.authstack.api.http.control.ClientAddresses;
import dev.authstack.api.keys.entity.SigningKeyRotated;
import dev.authstack.api.security.entity.Caller;
import dev.authstack.api.sessions.entity.RefreshTokenReused;
import dev.authstack.api.users.entity.User;
import dev.authstack.api.users.entity.UserAdministered;
import dev.authstack.api.users.entity.UserSecurityChanged;

/**
 * Turns what {@code auth} and {@code users} announce into audit events. Who acted and from where is read from the
 * request the event was fired in. An administrator's change is recorded in its own transaction (both commit or
 * neither); a login event is queued (see {@link LoginRecordQueue}) and written after the answer, so it neither slows
 * a login nor fails one.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @Inject
    HttpServletRequest request;

    @Inject
    ClientAddresses clientAddresses;

    @Inject
    LoginRecordQueue loginRecords;

    Clock clock = Clock.systemUTC();

    void login(@Observes LoginEvent event) {
        loginRecords.offer(new PendingLogin(event, clock.instant(), origin()));
    }

    void administered(@Observes UserAdministered change) {
        AuditEventType type = switch (change.kind()) {
            case CREATED -> AuditEventType.USER_CREATED;
            case UPDATED -> AuditEventType.USER_UPDATED;
            case DELETED -> AuditEventType.USER_DELETED;
        };
        String details = change.fields().isEmpty() ? null : "fields: " + String.join(", ", change.fields());
        em.persist(new AuditEvent(type, clock.instant(), actor(), new AuditEvent.Party(change.userId(), change.username()), origin(), details));
    }

    void tokensRevoked(@Observes UserSecurityChanged change) {
        if (change.voidsTokens() && !change.isDeletion()) {
            User user = em.find(User.class, change.userId());
            em.persist(new AuditEvent(AuditEventType.TOKENS_REVOKED, clock.instant(), actor(),
                    new AuditEvent.Party(change.userId(), user == null ? null : user.username()), origin(), "security stamp " + change.stamp()));
        }
    }

    void signingKeyRotated(@Observes SigningKeyRotated rotation) {
        em.persist(new AuditEvent(AuditEventType.SIGNING_KEY_ROTATED, clock.instant(), actor(), null, origin(),
                "key " + rotation.kid() + " signs from " + rotation.signsFrom() + (rotation.automatic() ? " (automatic)" : "")));
    }

    void refreshTokenReused(@Observes RefreshTokenReused reuse) {
        User user = em.find(User.class, reuse.userId());
        em.persist(new AuditEvent(AuditEventType.REFRESH_TOKEN_REUSED, clock.instant(), null,
                new AuditEvent.Party(reuse.userId(), user == null ? null : user.username()), origin(),
                "session " + reuse.sessionId() + " ended"));
    }

    /** The caller of the request, or none (an anonymous request, or a change made at start-up). */
    private AuditEvent.Party actor() {
        try {
            Object caller = request.getAttribute(Caller.class.getName());
            return caller instanceof Caller known ? new AuditEvent.Party(known.userId(), known.username()) : null;
        } catch (RuntimeException noRequest) {
            return null;
        }
    }

    private AuditEvent.Origin origin() {
        try {
            return new AuditEvent.Origin(clientAddresses.of(request), request.getHeader("User-Agent"));
        } catch (RuntimeException noRequest) {
            return null;
        }
    }
}
