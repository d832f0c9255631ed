package dev.authstack.api.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * An account. The schema (sql/) owns the constraints; this class keeps the same invariants in memory.
 * <p>
 * The security stamp counts the changes that void the user's tokens: a new password, another role, the active flag.
 * Tokens carry the stamp they were issued under, so {@link #voidsTokens} is the one place that says which changes
 * those are; {@code UserStore} increments the stamp in the database, atomically, when one happens.
 */
@Entity
@Table(name = "users")
@NamedQuery(name = User.FIND_BY_USERNAME, query = "SELECT u FROM User u WHERE LOWER(u.username) = :username")
@NamedQuery(name = User.COUNT_BY_USERNAME, query = "SELECT COUNT(u) FROM User u WHERE LOWER(u.username) = :username")
@NamedQuery(name = User.COUNT_BY_EMAIL,
        query = "SELECT COUNT(u) FROM User u WHERE LOWER(u.email) = LOWER(:email) AND u.id <> :exceptId")
@NamedQuery(name = User.ACTIVE_ADMINS, query = "SELECT u FROM User u WHERE u.admin = TRUE AND u.active = TRUE ORDER BY u.id")
public class User {

    public static final String FIND_BY_USERNAME = "User.findByUsername";
    public static final String COUNT_BY_USERNAME = "User.countByUsername";
    public static final String COUNT_BY_EMAIL = "User.countByEmail";
    public static final String ACTIVE_ADMINS = "User.activeAdmins";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false, length = 50)
    private String username;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false, length = 60)
    private String passwordHash;

    @Column(name = "is_admin", nullable = false)
    private boolean admin;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    // OffsetDateTime, not Instant: JPA 3.1 (Jakarta EE 10) maps Instant only from 3.2 on.
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** Written with the login_succeeded audit event, never from this field. */
    @Column(name = "last_login_at", insertable = false, updatable = false)
    private OffsetDateTime lastLoginAt;

    /** Written only by {@code UserStore}'s atomic increment, never from this field. */
    @Column(name = "security_stamp", nullable = false, insertable = false, updatable = false)
    private long securityStamp;

    protected User() {
        // for JPA
    }

    public User(String username, String email, String passwordHash, boolean admin) {
        this.username = Objects.requireNonNull(username, "username is required.");
        this.email = Objects.requireNonNull(email, "email is required.");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash is required.");
        this.admin = admin;
        this.active = true;
        // PostgreSQL keeps microseconds: truncate so that what we answer equals what a later read answers.
        this.createdAt = now();
        this.updatedAt = createdAt;
    }

    @PreUpdate
    void touch() {
        updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean isAdmin() {
        return admin;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isActiveAdmin() {
        return admin && active;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant lastLoginAt() {
        return lastLoginAt == null ? null : lastLoginAt.toInstant();
    }

    public long securityStamp() {
        return securityStamp;
    }

    /** Called with the stamp the database answered after incrementing it. */
    public void stampedWith(long securityStamp) {
        this.securityStamp = securityStamp;
    }

    /**
     * Whether a change voids the user's tokens: a new password, or a role or active flag other than the current one
     * ({@code null}: not changed). A promotion counts too (old tokens carry the old role); an e-mail address does not.
     * Plain values, not the API's request record: the entity does not know the wire contract.
     */
    public boolean voidsTokens(boolean newPassword, Boolean admin, Boolean active) {
        return newPassword
                || (admin != null && admin != this.admin)
                || (active != null && active != this.active);
    }

    public void changeEmail(String email) {
        this.email = Objects.requireNonNull(email, "email is required.");
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash is required.");
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof User user && username.equalsIgnoreCase(user.username);
    }

    @Override
    public int hashCode() {
        return username.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + "]";
    }
}
