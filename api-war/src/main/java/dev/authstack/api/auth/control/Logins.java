package dev.authstack.api.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.Optional;

import dev.authstack.api.auth.entity.AccessToken;
import dev.authstack.api.auth.entity.DeviceToken;
import dev.authstack.api.auth.entity.LoginEvent;
import dev.authstack.api.contract.CanonicalUsername;
import dev.authstack.api.contract.UserChanges;
import dev.authstack.api.metrics.control.Metrics;
import dev.authstack.api.revocation.control.Revocations;
import dev.authstack.api.security.entity.Caller;
import dev.authstack.api.sessions.control.InvalidRefreshTokenException;
import dev.authstack.api.sessions.control.SessionNotFoundException;
import dev.authstack.api.sessions.control.Sessions;
import dev.authstack.api.users.control.PasswordHasher;
import dev.authstack.api.users.control.UserStore;
import dev.authstack.api.users.entity.User;

import static java.lang.System.Logger.Level.INFO;

/**
 * Trades a username and password for a token, and a token for nothing (logout). A failed login answers the same,
 * after the same BCrypt work, whether the user is unknown, the password wrong or the account deactivated; a throttled
 * one answers 429 before any of that work (see {@link LoginThrottle}). A login that presents a live device token of
 * the account ({@link DeviceTokens}) is throttled per device instead of per account, and every successful login
 * answers a new device token. Every attempt is announced as a {@link LoginEvent} for the audit trail.
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
    Sessions sessions;

    @Inject
    DeviceTokens devices;

    @Inject
    Event<LoginEvent> events;

    @Inject
    Metrics metrics;

    /**
     * The tokens of a login, a refresh or a password change: an access token and its session's next refresh token, and
     * for a login the device token of the client.
     */
    public record Login(AccessToken token, Sessions.Grant session, User user, DeviceToken device) {

        Login withDevice(DeviceToken device) {
            return new Login(token, session, user, device);
        }
    }

    /**
     * The token carries the security stamp of the user as read here, before the password check: a change that commits
     * meanwhile has a newer stamp, and so voids this token too.
     */
    public Login login(String username, String password, String deviceToken, String clientAddress, String userAgent) {
        revocations.ensureKnowable();
        // A device that has used up its failures is no longer trusted: its attempt counts as one without a token.
        Optional<LoginThrottle.Attempt> onDevice = devices.deviceOf(deviceToken, username).flatMap(throttle::beginOnDevice);
        LoginThrottle.Attempt attempt = onDevice.isPresent() ? onDevice.get() : beginAttempt(username, clientAddress);
        String where = onDevice.isPresent() ? " on a known device" : "";
        User user = CanonicalUsername.of(username).flatMap(users::findByUsername).orElse(null);
        if (!hasher.matches(password, user == null ? null : user.passwordHash())) {
            // The submitted name is not logged: people type passwords into the username field. Nor is a device token.
            LOG.log(INFO, "login refused: {0}{1}", user == null ? "unknown username" : "wrong password for user " + user.id(), where);
            events.fire(LoginEvent.failed(username, user == null ? null : user.id(), user == null ? "unknown username" : "wrong password"));
            metrics.loginFailed();
            throw new InvalidCredentialsException();
        }
        if (!user.isActive()) {
            LOG.log(INFO, "login refused: user {0} is deactivated", user.id());
            events.fire(LoginEvent.failed(username, user.id(), "deactivated"));
            metrics.loginFailed();
            throw new InvalidCredentialsException();
        }
        throttle.succeeded(attempt);
        events.fire(LoginEvent.succeeded(user.id()));
        metrics.loginSucceeded();
        return startSession(user, clientAddress, userAgent).withDevice(devices.issue(CanonicalUsername.of(username).orElseThrow()));
    }

    /**
     * Trades a refresh token for the session's next tokens. Failures count against the client's address like failed
     * logins (a refresh token cannot be guessed, but nobody gets to try); every failure is the same 401.
     */
    public Login refresh(String refreshToken, String clientAddress) {
        revocations.ensureKnowable();
        LoginThrottle.Attempt attempt = throttle.beginUnnamed(clientAddress);
        Sessions.Grant grant = sessions.refresh(refreshToken);
        // Read after the refresh committed; the token carries the stamp the refresh checked, so a change since voids it.
        User user = users.findActive(grant.session().userId()).orElseThrow(InvalidRefreshTokenException::new);
        throttle.succeeded(attempt);
        metrics.refreshed();
        return new Login(issuer.issue(user, grant.session()), grant, user, null);
    }

    /** A new session, in a transaction of its own, and its first access token. */
    public Login startSession(User user, String clientAddress, String userAgent) {
        Sessions.Grant grant = sessions.start(user.id(), user.securityStamp(), clientAddress, userAgent);
        return new Login(issuer.issue(user, grant.session()), grant, user, null);
    }

    /** Ends the session of the token (and so every access token it issued); a token without a session, alone. */
    public void logout(Caller caller) {
        try {
            sessions.end(caller.userId(), caller.sessionId(), "logout");
        } catch (SessionNotFoundException noSession) {
            revocations.revoke(caller.tokenId(), caller.expiresAt());
        }
        events.fire(LoginEvent.loggedOut(caller.userId()));
    }

    /**
     * The caller proves the current password (a wrong one counts as a failed login for the throttle, and is 403), and
     * the new one replaces it. Like every change that voids a user's tokens, it ends all of the user's sessions; the
     * answer carries a new session for this client, so the caller stays logged in.
     */
    public Login changePassword(Caller caller, String currentPassword, String newPassword, String clientAddress, String userAgent) {
        revocations.ensureKnowable();
        LoginThrottle.Attempt attempt = beginAttempt(caller.username(), clientAddress);
        User user = users.findActive(caller.userId()).orElseThrow(InvalidCredentialsException::new);
        if (!hasher.matches(currentPassword, user.passwordHash())) {
            LOG.log(INFO, "password change refused: wrong current password for user {0}", user.id());
            events.fire(LoginEvent.failed(caller.username(), user.id(), "wrong current password"));
            throw new WrongPasswordException();
        }
        throttle.succeeded(attempt);
        User changed = users.update(user.id(), new UserChanges(null, newPassword, null, null));
        return startSession(changed, clientAddress, userAgent);
    }

    /** Counts a password attempt with the throttle, or refuses it (429) and says so to the audit trail. */
    private LoginThrottle.Attempt beginAttempt(String username, String clientAddress) {
        try {
            return throttle.begin(username, clientAddress);
        } catch (LoginThrottledException throttled) {
            events.fire(LoginEvent.throttled(username, throttled.byAddress() ? LoginEvent.BY_ADDRESS : LoginEvent.BY_ACCOUNT));
            metrics.loginThrottled();
            throw throttled;
        }
    }
}
