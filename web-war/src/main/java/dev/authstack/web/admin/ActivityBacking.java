package dev.authstack.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.authstack.api.contract.AuditEventView;
import dev.authstack.api.contract.AuditEventsPage;
import dev.authstack.web.Messages;
import dev.authstack.web.api.ApiClient;
import dev.authstack.web.api.ApiProblemException;
import dev.authstack.web.api.ApiUnavailableException;
import dev.authstack.web.session.ActiveUser;

/**
 * admin/activity.xhtml: the audit trail, newest first, filtered by user and type, one page at a time. View-scoped:
 * the filter and the cursors of the pages seen live as long as the page, so "Previous" needs no second query.
 */
@Named
@ViewScoped
public class ActivityBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 25;
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    /** The API's event types, in the order people look for them. */
    static final List<String> TYPES = List.of("login_succeeded", "login_failed", "login_throttled", "logout", "user_created",
            "user_updated", "user_deleted", "tokens_revoked", "signing_key_rotated",
            "refresh_token_reused");

    @Inject
    @RestClient
    ApiClient api;

    @Inject
    ActiveUser activeUser;

    private String username;
    private String type;
    private List<AuditEventView> events = List.of();
    /** The cursor each page seen was asked with; the last is the current page's. */
    private final List<String> cursors = new ArrayList<>();
    private String nextCursor;

    @PostConstruct
    void firstPage() {
        cursors.clear();
        cursors.add(null);
        load();
    }

    public void filter() {
        firstPage();
    }

    public void next() {
        if (nextCursor != null) {
            cursors.add(nextCursor);
            load();
        }
    }

    public void previous() {
        if (cursors.size() > 1) {
            cursors.remove(cursors.size() - 1);
            load();
        }
    }

    private void load() {
        try {
            AuditEventsPage page = api.auditEvents(activeUser.bearer(), blankToNull(username), blankToNull(type), PAGE_SIZE,
                    cursors.get(cursors.size() - 1));
            events = page.events();
            nextCursor = page.nextCursor();
        } catch (ApiProblemException | ApiUnavailableException e) {
            events = List.of();
            nextCursor = null;
            Messages.error(e.getMessage());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public String display(AuditEventView event) {
        return DISPLAY.format(event.occurredAt());
    }

    /** "login_failed" as "login failed". */
    public String label(String eventType) {
        return eventType == null ? "" : eventType.replace('_', ' ');
    }

    public List<String> getTypes() {
        return TYPES;
    }

    public List<AuditEventView> getEvents() {
        return events;
    }

    public boolean isHasNext() {
        return nextCursor != null;
    }

    public boolean isHasPrevious() {
        return cursors.size() > 1;
    }

    public int getPageNumber() {
        return cursors.size();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
