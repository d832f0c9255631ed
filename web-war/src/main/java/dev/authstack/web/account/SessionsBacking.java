package dev.authstack.web.account;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
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

/** account.xhtml's table of the user's own sessions. View-scoped: the table lives as long as the page. */
@Named
@ViewScoped
public class SessionsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String ACCOUNT_PAGE = "/account.xhtml?faces-redirect=true";
    private static final String LOGGED_OUT = "/login.xhtml?faces-redirect=true&loggedOut=true";

    @Inject
    @RestClient
    transient ApiClient api;

    @Inject
    ActiveUser activeUser;

    @Inject
    transient ExternalContext externalContext;

    private List<SessionRow> sessions = List.of();

    @PostConstruct
    void load() {
        try {
            sessions = api.mySessions(activeUser.bearer()).stream().map(SessionRow::new).toList();
        } catch (ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
    }

    /** Ends one session; ending this browser's own is a logout. */
    public String end(String id) {
        boolean current = sessions.stream().anyMatch(row -> row.getId().equals(id) && row.isCurrent());
        try {
            api.endMySession(activeUser.bearer(), id);
        } catch (ApiProblemException | ApiUnavailableException e) {
            Messages.error(e.getMessage());
            return ACCOUNT_PAGE;
        }
        if (current) {
            externalContext.invalidateSession();
            return LOGGED_OUT;
        }
        Messages.info("Session ended: that device must log in again.");
        return ACCOUNT_PAGE;
    }

    /** Logs out everywhere, this browser too. */
    public String endAll() {
        try {
            api.endAllMySessions(activeUser.bearer());
        } catch (ApiProblemException | ApiUnavailableException e) {
            Messages.error(e.getMessage());
            return ACCOUNT_PAGE;
        }
        externalContext.invalidateSession();
        return LOGGED_OUT;
    }

    public List<SessionRow> getSessions() {
        return sessions;
    }
}
