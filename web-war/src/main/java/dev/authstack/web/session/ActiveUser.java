package dev.authstack.web.session;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import jakarta.json.JsonObject;

import java.io.Serializable;
import java.util.Objects;

/** The user of this HTTP session, as the API described them at login; {@code #{activeUser.admin}} in the layout. */
@Named
@SessionScoped
public class ActiveUser implements Serializable {

    private static final long serialVersionUID = 1L;

    private String token;
    private long id;
    private String username;
    private boolean admin;

    public void signIn(String token, JsonObject user) {
        this.token = Objects.requireNonNull(token, "token is required.");
        this.id = user.getJsonNumber("id").longValue();
        this.username = user.getString("username");
        this.admin = user.getBoolean("is_admin");
    }

    public boolean isLoggedIn() {
        return token != null;
    }

    /** The bearer token for API calls. Kept server-side: no page ever renders it. */
    public String token() {
        return token;
    }

    public long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public boolean isAdmin() {
        return admin;
    }
}
