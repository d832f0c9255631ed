/**
 * The audit trail: who logged in, failed, was throttled or logged out, and what administrators changed, kept in
 * PostgreSQL ({@code audit_events}) for {@code AUDIT_RETENTION_DAYS}, and {@code GET /audit-events} for administrators.
 * It observes the events {@code auth} and {@code users} fire and knows nothing else of them. Never a password, hash
 * or token in an event; a username that matches no account is not kept either (it may be a mistyped password).
 * Login events are written after the answer, from a bounded queue, so a failed insert never fails a login and a flood
 * never grows the heap; throttled attempts are counted per account or address and window rather than written one by
 * one. An administrator's change and its event commit together.
 */
package dev.authstack.api.audit;
