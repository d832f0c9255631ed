package dev.authstack.web.session;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Objects;

import dev.authstack.api.contract.LoginResponse;
import dev.authstack.api.contract.UserView;

/** The user of this HTTP session, as the API described them at login; {@code #{activeUser.admin}} in the layout. */
@Named
@SessionScoped
public class ActiveUser implements Serializable {

    private static final long serialVersionUID = 2L;

    private String token;
    private UserView user;

    public void signIn(LoginResponse login) {
        this.token = Objects.requireNonNull(login.accessToken(), "accessToken is required.");
        this.user = Objects.requireNonNull(login.user(), "user is required.");
    }

    public boolean isLoggedIn() {
        return token != null;
    }

    /** The {@code Authorization} value of the session's API calls. Kept server-side: no page ever renders it. */
    public String bearer() {
        return "Bearer " + token;
    }

    public String getUsername() {
        return user == null ? null : user.username();
    }

    public boolean isAdmin() {
        return user != null && user.isAdmin();
    }
}
