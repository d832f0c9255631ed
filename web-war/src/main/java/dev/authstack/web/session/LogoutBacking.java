package dev.authstack.web.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.authstack.web.api.ApiClient;
import dev.authstack.web.api.ApiUnavailableException;
import dev.authstack.web.api.SessionEndedException;

/** Logout is a POST (CSRF-protected like every form): the API revokes the token, then the session ends. */
@Named
@RequestScoped
public class LogoutBacking {

    @Inject
    @RestClient
    ApiClient api;

    @Inject
    ActiveUser activeUser;

    @Inject
    ExternalContext externalContext;

    public String logout() {
        if (activeUser.isLoggedIn()) {
            try {
                api.logout(activeUser.bearer());
            } catch (SessionEndedException | ApiUnavailableException e) {
                // Already unusable, or the API is away: ending the session here is all that is left to do.
            }
        }
        externalContext.invalidateSession();
        return "/login.xhtml?faces-redirect=true&loggedOut=true";
    }
}
