package dev.authstack.api.audit.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an audit event records; its JSON name is what {@code GET /audit-events?type=} filters on. */
public enum AuditEventType {
    LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_THROTTLED, LOGOUT, USER_CREATED, USER_UPDATED, USER_DELETED, TOKENS_REVOKED,
    SIGNING_KEY_ROTATED, REFRESH_TOKEN_REUSED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuditEventType> ofJsonName(String name) {
        return Arrays.stream(values()).filter(type -> type.jsonName().equals(name)).findFirst();
    }
}
