package dev.authstack.api.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** One login's session: who, from where, since when, until when at the latest, and whether it has ended. */
@Entity
@Table(name = "sessions")
@NamedQuery(name = Session.LIVE_OF_USER, query = "SELECT s FROM Session s WHERE s.userId = :userId AND s.endedAt IS NULL "
        + "AND s.expiresAt > :now AND s.lastUsedAt > :idleSince ORDER BY s.createdAt DESC")
public class Session {

    public static final String LIVE_OF_USER = "Session.liveOfUser";
    public static final int USER_AGENT_LENGTH = 200;

    @Id
    @Column(length = 36, updatable = false)
    private String id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    // OffsetDateTime, not Instant: JPA 3.1 (Jakarta EE 10) maps Instant only from 3.2 on.
    @Column(name = "security_stamp", nullable = false, updatable = false)
    private long securityStamp;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_used_at", nullable = false)
    private OffsetDateTime lastUsedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    /** How many times the session was refreshed: its current refresh token carries this number, older ones less. */
    @Column(name = "refresh_generation", nullable = false)
    private long refreshGeneration;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    @Column(name = "ended_reason", length = 32)
    private String endedReason;

    @Column(name = "client_address", length = 45, updatable = false)
    private String clientAddress;

    @Column(name = "user_agent", length = USER_AGENT_LENGTH, updatable = false)
    private String userAgent;

    protected Session() {
        // for JPA
    }

    public Session(String id, long userId, long securityStamp, Instant createdAt, Duration maxAge, String clientAddress,
                   String userAgent) {
        this.id = Objects.requireNonNull(id, "id is required.");
        this.userId = userId;
        this.securityStamp = securityStamp;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt is required.").atOffset(ZoneOffset.UTC);
        this.lastUsedAt = this.createdAt;
        this.expiresAt = this.createdAt.plus(maxAge);
        this.clientAddress = clientAddress;
        this.userAgent = userAgent;
    }

    /** Neither ended nor past its absolute end nor idle for longer than {@code idle}. */
    public boolean isLive(Instant now, Duration idle) {
        return endedAt == null && now.isBefore(expiresAt()) && now.isBefore(lastUsedAt().plus(idle));
    }

    /** When its current refresh token stops working if it is not used: idle end or absolute end, whichever is first. */
    public Instant refreshableUntil(Duration idle) {
        Instant idleEnd = lastUsedAt().plus(idle);
        return idleEnd.isBefore(expiresAt()) ? idleEnd : expiresAt();
    }

    /** A refresh: the current refresh token is spent, and the next one carries the next generation. */
    public void refreshed(Instant now) {
        lastUsedAt = now.atOffset(ZoneOffset.UTC);
        refreshGeneration++;
    }

    public long refreshGeneration() {
        return refreshGeneration;
    }

    public void end(Instant now, String reason) {
        if (endedAt == null) {
            endedAt = now.atOffset(ZoneOffset.UTC);
            endedReason = reason;
        }
    }

    public String id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public long securityStamp() {
        return securityStamp;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant lastUsedAt() {
        return lastUsedAt.toInstant();
    }

    public Instant expiresAt() {
        return expiresAt.toInstant();
    }

    public Instant endedAt() {
        return endedAt == null ? null : endedAt.toInstant();
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String userAgent() {
        return userAgent;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Session session && id.equals(session.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
