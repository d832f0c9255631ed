package dev.authstack.api.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import dev.authstack.api.auth.entity.AccessToken;
import dev.authstack.api.keys.control.KeyRing;
import dev.authstack.api.sessions.entity.Session;
import dev.authstack.api.users.entity.User;

/**
 * Signs access tokens: ES256 with the key ring's signing key, named by {@code kid}, with the claims
 * {@link TokenVerifier} requires and the ones standard consumers read: {@code preferred_username}, {@code upn}
 * (MicroProfile JWT's caller name) and {@code groups} (its roles).
 */
@ApplicationScoped
public class TokenIssuer {

    static final String USERNAME_CLAIM = "preferred_username";
    static final String UPN_CLAIM = "upn";
    static final String GROUPS_CLAIM = "groups";
    static final String ADMIN_GROUP = "admin";
    /** The session the token belongs to (OpenID Connect's name for it). */
    static final String SESSION_CLAIM = "sid";
    /** The user's security stamp when the login read the user; see {@code Revocations}. */
    static final String STAMP_CLAIM = "stamp";

    @Inject
    KeyRing keys;

    @Inject
    @ConfigProperty(name = "issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "audience")
    String audience;

    @Inject
    @ConfigProperty(name = "access.token.ttl.seconds")
    long lifetimeSeconds;

    Clock clock = Clock.systemUTC();

    /**
     * A token for the user as of the session: it carries the session's security stamp, the one its login read and every
     * refresh checked, so a change to the user after that voids it even when the user was read again since.
     */
    public AccessToken issue(User user, Session session) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plusSeconds(lifetimeSeconds);
        String tokenId = UUID.randomUUID().toString();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(String.valueOf(user.id()))
                .audience(audience)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(tokenId)
                .claim(USERNAME_CLAIM, user.username())
                .claim(UPN_CLAIM, user.username())
                .claim(GROUPS_CLAIM, user.isAdmin() ? List.of(ADMIN_GROUP) : List.of())
                .claim(STAMP_CLAIM, session.securityStamp())
                .claim(SESSION_CLAIM, session.id())
                .build();
        KeyRing.Entry key = keys.signing();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID(key.kid()).build(), claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a token failed", e);
        }
        return new AccessToken(jwt.serialize(), tokenId, user.id(), expiresAt, lifetimeSeconds);
    }
}
