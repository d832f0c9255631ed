package dev.authstack.web;

import java.io.Serializable;

import dev.authstack.api.contract.SessionView;

/** A session as the Account page and the administrators' sessions page show it. */
public class SessionRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SessionView session;

    public SessionRow(SessionView session) {
        this.session = session;
    }

    public String getId() {
        return session.id();
    }

    public String getCreatedAt() {
        return Times.of(session.createdAt());
    }

    public String getLastUsedAt() {
        return Times.of(session.lastUsedAt());
    }

    public String getClientAddress() {
        return session.clientAddress() == null ? "" : session.clientAddress();
    }

    public String getUserAgent() {
        return session.userAgent() == null ? "" : session.userAgent();
    }

    public boolean isCurrent() {
        return session.current();
    }
}
