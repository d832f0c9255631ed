package dev.authstack.api.users.control;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read outside a transaction three times, five seconds apart, when the database does not answer:
 * a request would hang for ten seconds before its 503. The pool already waits its own short while, so an outage is
 * reported at once and the client decides when to try again.
 */
public class FailFastSession implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
