package dev.authstack.api.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** One thing that happened, as {@code sql/03-audit-events.sql} stores it. Written once, never changed. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    static final int ADDRESS_LENGTH = 45;
    static final int USER_AGENT_LENGTH = 200;
    static final int DETAILS_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(nullable = false, updatable = false, length = 32)
    private String type;

    @Column(name = "actor_id", updatable = false)
    private Long actorId;

    @Column(name = "actor_username", updatable = false, length = 50)
    private String actorUsername;

    @Column(name = "subject_id", updatable = false)
    private Long subjectId;

    @Column(name = "subject_username", updatable = false, length = 50)
    private String subjectUsername;

    @Column(name = "client_address", updatable = false, length = ADDRESS_LENGTH)
    private String clientAddress;

    @Column(name = "user_agent", updatable = false, length = USER_AGENT_LENGTH)
    private String userAgent;

    @Column(updatable = false, length = DETAILS_LENGTH)
    private String details;

    protected AuditEvent() {
        // for JPA
    }

    public AuditEvent(AuditEventType type, Instant occurredAt, Party actor, Party subject, Origin origin, String details) {
        this.type = Objects.requireNonNull(type, "type is required.").jsonName();
        this.occurredAt = occurredAt.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        this.actorId = actor == null ? null : actor.id();
        this.actorUsername = actor == null ? null : actor.username();
        this.subjectId = subject == null ? null : subject.id();
        this.subjectUsername = subject == null ? null : subject.username();
        this.clientAddress = origin == null ? null : origin.address();
        this.userAgent = origin == null ? null : origin.userAgent();
        this.details = printable(details, DETAILS_LENGTH);
    }

    /** A user as an event names it: the id, and the name it had then. */
    public record Party(long id, String username) {
    }

    /** Where a request came from; the user agent is cut here, before anything holds on to all a client sent. */
    public record Origin(String address, String userAgent) {

        public Origin {
            address = printable(address, ADDRESS_LENGTH);
            userAgent = printable(userAgent, USER_AGENT_LENGTH);
        }
    }

    /**
     * Truncated, and without control characters or format characters (bidirectional overrides and isolates, zero-width
     * characters): an event must not carry a forged log line, a NUL, or text that shows other than it reads.
     */
    static String printable(String text, int length) {
        if (text == null) {
            return null;
        }
        String clean = text.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .filter(c -> c < 0x10000 && !Character.isSurrogate((char) c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() <= length ? clean : clean.substring(0, length);
    }

    public long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt.toInstant();
    }

    public String getType() {
        return type;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getActorUsername() {
        return actorUsername;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public String getSubjectUsername() {
        return subjectUsername;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getDetails() {
        return details;
    }
}
