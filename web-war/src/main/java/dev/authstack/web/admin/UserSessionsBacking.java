package dev.authstack.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.Serializable;
import java.util.List;

import dev.authstack.web.Messages;
import dev.authstack.web.SessionRow;
import dev.authstack.web.api.ApiClient;
import dev.authstack.web.api.ApiProblemException;
import dev.authstack.web.api.ApiUnavailableException;
import dev.authstack.web.session.ActiveUser;

/** admin/sessions.xhtml?user=ID: where one user is logged in, and ending all of it. View-scoped for the table. */
@Named
@ViewScoped
public class UserSessionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    @RestClient
    transient ApiClient api;

    @Inject
    ActiveUser activeUser;

    private long userId;
    private String username;
    private List<SessionRow> sessions = List.of();

    /** After the view parameter is set (f:viewAction). */
    public void load() {
        try {
            username = api.user(activeUser.bearer(), userId).username();
            sessions = api.userSessions(activeUser.bearer(), userId).stream().map(SessionRow::new).toList();
        } catch (ApiProblemException | ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
    }

    public String endAll() {
        try {
            api.endUserSessions(activeUser.bearer(), userId);
            Messages.info("Every session of " + username + " has ended.");
        } catch (ApiProblemException | ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
        return "/admin/sessions.xhtml?faces-redirect=true&user=" + userId;
    }

    public long getUserId() {
        return userId;
    }

    public void setUserId(long userId) {
        this.userId = userId;
    }

    public String getUsername() {
        return username;
    }

    public List<SessionRow> getSessions() {
        return sessions;
    }
}
