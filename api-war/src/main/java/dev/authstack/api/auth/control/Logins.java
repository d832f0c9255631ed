package dev.authstack.api.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.authstack.api.auth.entity.AccessToken;
import dev.authstack.api.auth.entity.Caller;
import dev.authstack.api.users.control.PasswordHasher;
import dev.authstack.api.users.control.UserStore;
import dev.authstack.api.users.entity.User;

import static java.lang.System.Logger.Level.INFO;

/**
 * Trades a username and password for a token, and a token for nothing (logout). A failed login answers the same,
 * after the same BCrypt work, whether the user is unknown, the password wrong or the account deactivated.
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

    public record Login(AccessToken token, User user) {
    }

    /**
     * The token carries the security stamp of the user as read here, before the password check: a change that commits
     * meanwhile has a newer stamp, and so voids this token too.
     */
    public Login login(String username, String password) {
        revocations.ensureKnowable();
        User user = users.findByUsername(username).orElse(null);
        if (user == null) {
            hasher.matches(password, null);
            // The submitted name is not logged: people type passwords into the username field.
            LOG.log(INFO, "login refused: unknown username");
            throw new InvalidCredentialsException();
        }
        if (!hasher.matches(password, user.passwordHash()) || !user.isActive()) {
            LOG.log(INFO, "login refused for user {0}", user.id());
            throw new InvalidCredentialsException();
        }
        return new Login(issuer.issue(user), user);
    }

    public void logout(Caller caller) {
        revocations.revoke(caller.tokenId(), caller.expiresAt());
    }
}
