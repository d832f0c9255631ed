package dev.authstack.api.keys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A stored signing key: its id, its private half sealed ({@code KeySeal}), when it was published and from when it
 * signs. When it stops verifying is not stored: it follows from the next key's start and the tokens' lifetime.
 */
@Entity
@Table(name = "signing_keys")
@NamedQuery(name = SigningKey.ALL, query = "SELECT k FROM SigningKey k ORDER BY k.signsFrom, k.kid")
public class SigningKey {

    public static final String ALL = "SigningKey.all";

    @Id
    @Column(length = 64, updatable = false)
    private String kid;

    @Column(name = "sealed_key", nullable = false, updatable = false)
    private byte[] sealedKey;

    // OffsetDateTime, not Instant: JPA 3.1 (Jakarta EE 10) maps Instant only from 3.2 on.
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "signs_from", nullable = false, updatable = false)
    private OffsetDateTime signsFrom;

    protected SigningKey() {
        // for JPA
    }

    public SigningKey(String kid, byte[] sealedKey, Instant createdAt, Instant signsFrom) {
        this.kid = Objects.requireNonNull(kid, "kid is required.");
        this.sealedKey = Objects.requireNonNull(sealedKey, "sealedKey is required.").clone();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt is required.").atOffset(ZoneOffset.UTC);
        this.signsFrom = Objects.requireNonNull(signsFrom, "signsFrom is required.").atOffset(ZoneOffset.UTC);
        if (signsFrom.isBefore(createdAt)) {
            throw new IllegalArgumentException("A key cannot sign before it is published.");
        }
    }

    public String kid() {
        return kid;
    }

    public byte[] sealedKey() {
        return sealedKey.clone();
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant signsFrom() {
        return signsFrom.toInstant();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey key && kid.equals(key.kid);
    }

    @Override
    public int hashCode() {
        return kid.hashCode();
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", signsFrom=" + signsFrom + "]";
    }
}
