package dev.authstack.api.sessions.boundary;

import java.util.List;
import java.util.Objects;

import dev.authstack.api.contract.SessionView;
import dev.authstack.api.sessions.entity.Session;

/** Sessions as the contract shows them. */
final class SessionViews {

    private SessionViews() {
    }

    static List<SessionView> of(List<Session> sessions, String currentSessionId) {
        return sessions.stream().map(session -> new SessionView(session.id(), session.createdAt(), session.lastUsedAt(),
                session.expiresAt(), session.clientAddress(), session.userAgent(), Objects.equals(session.id(), currentSessionId)))
                .toList();
    }
}
