package dev.authstack.api.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

import dev.authstack.api.keys.control.KeyRing;
import dev.authstack.api.security.entity.Caller;

/**
 * Checks a compact token and says who sent it. Built once and immutable: the text must be a canonical compact JWS
 * ({@link CompactJws}), exactly ES256 is accepted (no {@code none}, no HMAC, so no public key used as a secret), the
 * header must name with {@code kid} a key of our own {@link KeyRing} that still verifies, and a header that points
 * to a key elsewhere ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}) is refused, never followed. The issuer and
 * audience must match, and {@code sub}, {@code iat}, {@code exp}, {@code jti} and {@code stamp} must be present;
 * {@code exp} and {@code nbf} are checked with the configured clock skew.
 * Revocation is not its concern: {@link dev.authstack.api.revocation.control.Revocations} is asked after the signature
 * holds.
 * <p>
 * A client sends the same token with every request, so what a token was verified to say is remembered, keyed by the
 * token's exact text, which the canonical syntax makes one text per token: the next request only re-checks the expiry.
 * The memory is bounded by {@link #REMEMBERED} tokens; past that it starts afresh, which costs only verification work.
 */
@ApplicationScoped
public class TokenVerifier {

    @Inject
    KeyRing keys;

    @Inject
    @ConfigProperty(name = "issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "audience")
    String audience;

    @Inject
    @ConfigProperty(name = "jwt.clock.skew.seconds")
    int clockSkewSeconds;

    static final int REMEMBERED = 10_000;

    Clock clock = Clock.systemUTC();

    private DefaultJWTProcessor<SecurityContext> processor;
    private final Map<String, Caller> verified = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(ownKeys());
        var claims = new DefaultJWTClaimsVerifier<SecurityContext>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("sub", "iat", "exp", "jti", TokenIssuer.STAMP_CLAIM));
        claims.setMaxClockSkew(clockSkewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
        this.processor = processor;
    }

    /** The one key our key ring has under the header's {@code kid}, for ES256 only; nothing for anything else. */
    private JWSKeySelector<SecurityContext> ownKeys() {
        return (JWSHeader header, SecurityContext context) -> {
            boolean pointsElsewhere = header.getJWKURL() != null || header.getJWK() != null || header.getX509CertURL() != null
                    || header.getX509CertChain() != null;
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || header.getKeyID() == null || pointsElsewhere) {
                return List.of();
            }
            return keys.verificationKey(header.getKeyID()).<List<Key>>map(List::of).orElse(List.of());
        };
    }

    public Caller verify(String compact) {
        if (!CompactJws.isCanonical(compact)) {
            throw new InvalidTokenException("The token is not a compact JWS: three base64url segments, without padding.");
        }
        Caller known = verified.get(compact);
        if (known != null) {
            if (clock.instant().isAfter(known.expiresAt().plusSeconds(clockSkewSeconds))) {
                verified.remove(compact);
                throw new InvalidTokenException("The token has expired.");
            }
            return known;
        }
        Caller caller = verifyFully(compact);
        if (verified.size() >= REMEMBERED) {
            verified.clear();
        }
        verified.put(compact, caller);
        return caller;
    }

    private Caller verifyFully(String compact) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(compact, null);
        } catch (ExpiredJWTException e) {
            throw new InvalidTokenException("The token has expired.");
        } catch (BadJWTException e) {
            throw new InvalidTokenException("The token's claims are not acceptable: " + e.getMessage());
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new InvalidTokenException("The token is malformed or its signature does not verify.");
        }
        try {
            List<String> groups = claims.getStringListClaim(TokenIssuer.GROUPS_CLAIM);
            String username = claims.getStringClaim(TokenIssuer.USERNAME_CLAIM);
            Long stamp = claims.getLongClaim(TokenIssuer.STAMP_CLAIM);
            return new Caller(Long.parseLong(claims.getSubject()), username == null ? claims.getSubject() : username,
                    groups != null && groups.contains(TokenIssuer.ADMIN_GROUP), claims.getJWTID(),
                    claims.getExpirationTime().toInstant(), stamp, claims.getStringClaim(TokenIssuer.SESSION_CLAIM));
        } catch (ParseException | NumberFormatException | NullPointerException e) {
            throw new InvalidTokenException("The token's claims are not acceptable: malformed subject or claims.");
        }
    }
}
