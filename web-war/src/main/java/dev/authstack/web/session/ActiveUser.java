package dev.authstack.web.session;

import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Named;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import dev.authstack.api.contract.LoginResponse;
import dev.authstack.api.contract.RefreshRequest;
import dev.authstack.api.contract.UserView;
import dev.authstack.web.api.ApiClient;
import dev.authstack.web.api.ApiProblemException;
import dev.authstack.web.api.SessionEndedException;

/**
 * The user of this HTTP session, as the API described them at login; {@code #{activeUser.admin}} in the layout. Holds
 * the session's tokens, server-side only: the short access token and the refresh token that gets the next one. The
 * access token is refreshed when four fifths of its life have passed, by whichever request needs it first; the
 * refresh is serialised per HTTP session (this object's monitor), so two tabs never spend one refresh token twice,
 * which the API would take for theft and answer by ending the session. nginx keeps a session on one web instance.
 */
@Named
@SessionScoped
public class ActiveUser implements Serializable {

    private static final long serialVersionUID = 3L;

    private String token;
    private String refreshToken;
    private Instant refreshAt;
    private UserView user;
    transient Clock clock = Clock.systemUTC();

    public synchronized void signIn(LoginResponse login) {
        this.token = Objects.requireNonNull(login.accessToken(), "accessToken is required.");
        this.refreshToken = login.refreshToken();
        this.refreshAt = clock().instant().plusSeconds(login.expiresIn() * 4 / 5);
        this.user = Objects.requireNonNull(login.user(), "user is required.");
    }

    public synchronized boolean isLoggedIn() {
        return token != null;
    }

    /**
     * The {@code Authorization} value of the session's API calls, refreshed first when it is due. Kept server-side:
     * no page ever renders it. {@link SessionEndedException} when the session was ended elsewhere.
     */
    public synchronized String bearer() {
        if (refreshToken != null && refreshAt != null && !clock().instant().isBefore(refreshAt)) {
            refresh();
        }
        return "Bearer " + token;
    }

    private void refresh() {
        ApiClient api = CDI.current().select(ApiClient.class, RestClient.LITERAL).get();
        try {
            signIn(api.refresh(new RefreshRequest(refreshToken)));
        } catch (ApiProblemException refused) {
            if (refused.status() == 401) {
                throw new SessionEndedException();
            }
            throw refused;
        }
    }

    public synchronized String getUsername() {
        return user == null ? null : user.username();
    }

    public synchronized boolean isAdmin() {
        return user != null && user.isAdmin();
    }

    private Clock clock() {
        if (clock == null) {
            clock = Clock.systemUTC();
        }
        return clock;
    }
}
