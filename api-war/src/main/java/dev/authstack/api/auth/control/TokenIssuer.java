package dev.authstack.api.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import dev.authstack.api.auth.entity.AccessToken;
import dev.authstack.api.users.entity.User;

/** Signs access tokens: HS256, with the claims {@link TokenVerifier} requires. */
@ApplicationScoped
public class TokenIssuer {

    static final String USERNAME_CLAIM = "preferred_username";
    static final String ADMIN_CLAIM = "admin";
    /** The user's security stamp when the login read the user; see {@code Revocations}. */
    static final String STAMP_CLAIM = "stamp";

    @Inject
    SigningKey signingKey;

    @Inject
    @ConfigProperty(name = "jwt.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "jwt.ttl.seconds")
    long lifetimeSeconds;

    Clock clock = Clock.systemUTC();

    private MACSigner signer;

    @PostConstruct
    void init() {
        try {
            signer = new MACSigner(signingKey.bytes());
        } catch (JOSEException e) {
            throw new IllegalStateException("JWT_SECRET cannot be used as an HS256 key", e);
        }
    }

    public AccessToken issue(User user) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plusSeconds(lifetimeSeconds);
        String tokenId = UUID.randomUUID().toString();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(String.valueOf(user.id()))
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(tokenId)
                .claim(USERNAME_CLAIM, user.username())
                .claim(ADMIN_CLAIM, user.isAdmin())
                .claim(STAMP_CLAIM, user.securityStamp())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a token failed", e);
        }
        return new AccessToken(jwt.serialize(), tokenId, user.id(), expiresAt, lifetimeSeconds);
    }
}
