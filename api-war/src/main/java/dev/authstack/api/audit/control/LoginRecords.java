package dev.authstack.api.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;

import dev.authstack.api.audit.entity.AuditEvent;
import dev.authstack.api.audit.entity.AuditEventType;
import dev.authstack.api.auth.entity.LoginEvent;
import dev.authstack.api.contract.CanonicalUsername;
import dev.authstack.api.users.control.UserStore;
import dev.authstack.api.users.entity.User;

/** Writes one login event, in a transaction of its own, after the login has answered. */
@ApplicationScoped
public class LoginRecords {

    @PersistenceContext
    EntityManager em;

    @Inject
    UserStore users;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(LoginEvent event, Instant at, AuditEvent.Origin origin) {
        User user = event.userId() != null ? em.find(User.class, event.userId())
                : CanonicalUsername.of(event.submittedUsername()).flatMap(users::findByUsername).orElse(null);
        AuditEvent.Party subject = user == null ? null : new AuditEvent.Party(user.id(), user.username());
        AuditEventType type = switch (event.kind()) {
            case SUCCEEDED -> AuditEventType.LOGIN_SUCCEEDED;
            case FAILED -> AuditEventType.LOGIN_FAILED;
            case THROTTLED -> AuditEventType.LOGIN_THROTTLED;
            case LOGGED_OUT -> AuditEventType.LOGOUT;
        };
        AuditEvent.Party actor = type == AuditEventType.LOGOUT || type == AuditEventType.LOGIN_SUCCEEDED ? subject : null;
        em.persist(new AuditEvent(type, at, actor, subject, origin, event.failure()));
        if (type == AuditEventType.LOGIN_SUCCEEDED && user != null) {
            users.loggedIn(user.id(), at);
        }
    }
}
