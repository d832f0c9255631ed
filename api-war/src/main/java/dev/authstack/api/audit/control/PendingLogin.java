package dev.authstack.api.audit.control;

import java.time.Instant;

import dev.authstack.api.audit.entity.AuditEvent;
import dev.authstack.api.auth.entity.LoginEvent;

/** A login event on its way to the trail, with when and where it happened. */
record PendingLogin(LoginEvent event, Instant at, AuditEvent.Origin origin) {
}
