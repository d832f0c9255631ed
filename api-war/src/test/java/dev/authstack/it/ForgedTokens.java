package dev.authstack.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Tokens a test signs itself, with any key, algorithm, header and claims: what an attacker or a careless client sends. */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    /** The claims the API issues, for user 1 ("admin", an administrator), valid for ten minutes. */
    public static JWTClaimsSet.Builder claims(String issuer, long securityStamp) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("1")
                .audience(TestStack.AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("preferred_username", "admin")
                .claim("upn", "admin")
                .claim("groups", List.of("admin"))
                .claim("stamp", securityStamp);
    }

    /** ES256 with the key's own id as {@code kid}, as the API signs. */
    public static String sign(ECKey key, JWTClaimsSet.Builder claims) {
        return sign(header(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), key, claims);
    }

    public static String sign(JWSHeader header, ECKey key, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims.build());
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HMAC token with these bytes as the secret and this {@code kid}: the algorithm-confusion attack. */
    public static String signHmac(JWSAlgorithm algorithm, byte[] secret, String kid, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(header(algorithm).keyID(kid).build(), claims.build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JWSHeader.Builder header(JWSAlgorithm algorithm) {
        return new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT);
    }

    /** A P-256 key nobody here trusts, with an id of its own. */
    public static ECKey strangerKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The security stamp a genuine token carries. */
    public static long stampOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getLongClaim("stamp");
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
