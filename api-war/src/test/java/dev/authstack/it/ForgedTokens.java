package dev.authstack.it;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Tokens a test signs itself, with any algorithm, secret and claims: what an attacker or a careless client sends. */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    /** The claims the API issues, for user 1 ("admin", an administrator), valid for ten minutes. */
    public static JWTClaimsSet.Builder claims(String issuer, long securityStamp) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("1")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .claim("preferred_username", "admin")
                .claim("admin", true)
                .claim("stamp", securityStamp);
    }

    public static String sign(JWSAlgorithm algorithm, String secret, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), claims.build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
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
