package dev.authstack.web.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.authstack.api.contract.Credentials;
import dev.authstack.api.contract.LoginResponse;
import dev.authstack.web.Messages;
import dev.authstack.web.api.ApiClient;
import dev.authstack.web.api.ApiProblemException;
import dev.authstack.web.api.ApiUnavailableException;
import dev.authstack.web.api.ThrottledException;
import dev.authstack.web.session.ActiveUser;

@Named
@RequestScoped
public class LoginBacking {

    @Inject
    @RestClient
    ApiClient api;

    @Inject
    ActiveUser activeUser;

    @Inject
    ExternalContext externalContext;

    @Inject
    DeviceCookie deviceCookie;

    @NotBlank(message = "Enter your username.")
    private String username;

    @NotBlank(message = "Enter your password.")
    private String password;

    private boolean expired;
    private boolean loggedOut;

    /** A signed-in user who opens the login page goes straight to the dashboard. */
    public String redirectIfSignedIn() {
        return activeUser.isLoggedIn() ? "/dashboard.xhtml?faces-redirect=true" : null;
    }

    public String login() {
        try {
            // With the browser's device token, if it has one: a known device is not kept out by others' failures.
            LoginResponse login = api.login(new Credentials(username, password, deviceCookie.token()));
            // A new session id at login: an id planted before it (session fixation) is worthless afterwards.
            ((HttpServletRequest) externalContext.getRequest()).changeSessionId();
            activeUser.signIn(login);
            deviceCookie.keep(login);
            return "/dashboard.xhtml?faces-redirect=true";
        } catch (ApiProblemException e) {
            // One message for every failure: it must not tell an unknown user from a wrong password.
            Messages.error("Invalid username or password.");
        } catch (ThrottledException e) {
            Messages.error(e.getMessage());
        } catch (ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
        password = null;
        return null;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isExpired() {
        return expired;
    }

    public void setExpired(boolean expired) {
        this.expired = expired;
    }

    public boolean isLoggedOut() {
        return loggedOut;
    }

    public void setLoggedOut(boolean loggedOut) {
        this.loggedOut = loggedOut;
    }
}
