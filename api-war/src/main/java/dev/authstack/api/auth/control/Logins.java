package dev.authstack.api.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import dev.authstack.api.auth.entity.AccessToken;
import dev.authstack.api.auth.entity.Caller;
import dev.authstack.api.auth.entity.LoginEvent;
import dev.authstack.api.contract.CanonicalUsername;
import dev.authstack.api.users.control.PasswordHasher;
import dev.authstack.api.users.control.UserStore;
import dev.authstack.api.users.entity.User;

import static java.lang.System.Logger.Level.INFO;

/**
 * Trades a username and password for a token, and a token for nothing (logout). A failed login answers the same,
 * after the same BCrypt work, whether the user is unknown, the password wrong or the account deactivated; a throttled
 * one answers 429 before any of that work (see {@link LoginThrottle}). Every attempt is announced as a
 * {@link LoginEvent} for the audit trail.
 */
@ApplicationScoped
public class Logins {

    private static final System.Logger LOG = System.getLogger(Logins.class.getName());

    @Inject
    UserStore users;

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenIssuer issuer;

    @Inject
    Revocations revocations;

    @Inject
    LoginThrottle throttle;

    @Inject
    Event<LoginEvent> events;

    public record Login(AccessToken token, User user) {
    }

    /**
     * The token carries the security stamp of the user as read here, before the password check: a change that commits
     * meanwhile has a newer stamp, and so voids this token too.
     */
    public Login login(String username, String password, String clientAddress) {
        revocations.ensureKnowable();
        LoginThrottle.Attempt attempt;
        try {
            attempt = throttle.begin(username, clientAddress);
        } catch (LoginThrottledException throttled) {
            events.fire(LoginEvent.throttled(username, throttled.byAddress() ? LoginEvent.BY_ADDRESS : LoginEvent.BY_ACCOUNT));
            throw throttled;
        }
        User user = CanonicalUsername.of(username).flatMap(users::findByUsername).orElse(null);
        if (!hasher.matches(password, user == null ? null : user.passwordHash())) {
            // The submitted name is not logged: people type passwords into the username field.
            LOG.log(INFO, "login refused: {0}", user == null ? "unknown username" : "wrong password for user " + user.id());
            events.fire(LoginEvent.failed(username, user == null ? null : user.id(), user == null ? "unknown username" : "wrong password"));
            throw new InvalidCredentialsException();
        }
        if (!user.isActive()) {
            LOG.log(INFO, "login refused: user {0} is deactivated", user.id());
            events.fire(LoginEvent.failed(username, user.id(), "deactivated"));
            throw new InvalidCredentialsException();
        }
        throttle.succeeded(attempt);
        events.fire(LoginEvent.succeeded(user.id()));
        return new Login(issuer.issue(user), user);
    }

    public void logout(Caller caller) {
        revocations.revoke(caller.tokenId(), caller.expiresAt());
        events.fire(LoginEvent.loggedOut(caller.userId()));
    }
}
