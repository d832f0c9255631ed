package dev.authstack.api.auth.control;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import dev.authstack.api.auth.entity.AccessToken;
import dev.authstack.api.security.entity.Caller;
import dev.authstack.it.ForgedTokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenVerifierTest {

    final TokenVerifier cut = Tokens.verifier();

    @Test
    void acceptsTokenItsIssuerSigned() {
        Instant now = Instant.now();
        AccessToken token = Tokens.issuer(now).issue(Tokens.user(42, "alice", true));

        Caller caller = cut.verify(token.compact());

        assertEquals(42, caller.userId());
        assertEquals("alice", caller.username());
        assertTrue(caller.admin());
        assertEquals(token.tokenId(), caller.tokenId());
        assertEquals(token.expiresAt(), caller.expiresAt());
    }

    @Test
    void issuedTokenCarriesTheStandardClaims() throws Exception {
        AccessToken token = Tokens.issuer(Instant.now()).issue(Tokens.user(7, "bob", false));
        JWTClaimsSet claims = SignedJWT.parse(token.compact()).getJWTClaimsSet();
        assertEquals("auth-demo", claims.getIssuer());
        assertEquals("7", claims.getSubject());
        assertEquals(3600, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
        assertEquals(token.tokenId(), claims.getJWTID());
        assertEquals(JWSAlgorithm.HS256, SignedJWT.parse(token.compact()).getHeader().getAlgorithm());
    }

    @Test
    void aRememberedTokenStillExpires() {
        Instant now = Instant.now();
        AccessToken token = Tokens.issuer(now.minusSeconds(3600 - 5)).issue(Tokens.user(42, "alice", false));
        assertEquals("alice", cut.verify(token.compact()).username());

        cut.clock = java.time.Clock.fixed(now.plusSeconds(5 + 31), java.time.ZoneOffset.UTC);

        assertThrows(InvalidTokenException.class, () -> cut.verify(token.compact()));
    }

    @Test
    void rememberingATokenNeverAcceptsAnotherText() throws Exception {
        String genuine = ForgedTokens.sign(JWSAlgorithm.HS256, Tokens.SECRET, validClaims());
        cut.verify(genuine);
        String[] parts = genuine.split("\\.");
        // Another first character of the signature, whatever the genuine one is: always a different text.
        char other = parts[2].charAt(0) == 'A' ? 'B' : 'A';
        String otherSignature = parts[0] + "." + parts[1] + "." + other + parts[2].substring(1);
        assertThrows(InvalidTokenException.class, () -> cut.verify(otherSignature));
        assertThrows(InvalidTokenException.class, () -> cut.verify(genuine + "x"));
    }

    @Test
    void rejectsUnsecuredTokenWithAlgNone() {
        String unsecured = new PlainJWT(validClaims().build()).serialize();
        assertThrows(InvalidTokenException.class, () -> cut.verify(unsecured));
    }

    @Test
    void rejectsTokenSignedWithTheSameSecretButAnotherHmac() throws Exception {
        assertThrows(InvalidTokenException.class, () -> cut.verify(ForgedTokens.sign(JWSAlgorithm.HS512, Tokens.SECRET, validClaims())));
    }

    @Test
    void rejectsTokenSignedWithAnotherSecret() throws Exception {
        String forged = ForgedTokens.sign(JWSAlgorithm.HS256, "another-secret-that-is-long-enough-for-hs256-0123456789", validClaims());
        assertThrows(InvalidTokenException.class, () -> cut.verify(forged));
    }

    @Test
    void rejectsTokenOfAnotherKeyFamily() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), validClaims().build());
        jwt.sign(new RSASSASigner(rsa));
        assertThrows(InvalidTokenException.class, () -> cut.verify(jwt.serialize()));
    }

    @Test
    void rejectsTokenWhosePayloadWasTamperedWith() throws Exception {
        String genuine = ForgedTokens.sign(JWSAlgorithm.HS256, Tokens.SECRET, validClaims().claim("admin", false));
        String[] parts = genuine.split("\\.");
        String promoted = Base64URL.encode(validClaims().claim("admin", true).build().toString()
                .getBytes(StandardCharsets.UTF_8)).toString();
        assertThrows(InvalidTokenException.class, () -> cut.verify(parts[0] + "." + promoted + "." + parts[2]));
    }

    @Test
    void rejectsTokenExpiredLongerAgoThanTheClockSkew() throws Exception {
        Instant expired = Instant.now().minusSeconds(31);
        InvalidTokenException failure = assertThrows(InvalidTokenException.class, () -> cut.verify(
                ForgedTokens.sign(JWSAlgorithm.HS256, Tokens.SECRET, validClaims().expirationTime(Date.from(expired)))));
        assertEquals("The token has expired.", failure.getMessage());
    }

    @Test
    void acceptsTokenExpiredWithinTheClockSkew() throws Exception {
        Instant justExpired = Instant.now().minusSeconds(10);
        Caller caller = cut.verify(ForgedTokens.sign(JWSAlgorithm.HS256, Tokens.SECRET, validClaims().expirationTime(Date.from(justExpired))));
        assertEquals("alice", caller.username());
    }

    @Test
    void rejectsTokenFromAnotherIssuer() throws Exception {
        assertThrows(InvalidTokenException.class,
                () -> cut.verify(ForgedTokens.sign(JWSAlgorithm.HS256, Tokens.SECRET, validClaims().issuer("someone-else"))));
    }

    @Test
    void rejectsTokenWithoutJti() throws Exception {
        assertThrows(InvalidTokenException.class,
                () -> cut.verify(ForgedTokens.sign(JWSAlgorithm.HS256, Tokens.SECRET, validClaims().jwtID(null))));
    }

    @Test
    void rejectsTokenWithoutExpiry() throws Exception {
        assertThrows(InvalidTokenException.class,
                () -> cut.verify(ForgedTokens.sign(JWSAlgorithm.HS256, Tokens.SECRET, validClaims().expirationTime(null))));
    }

    @Test
    void rejectsTokenWithANonNumericSubject() throws Exception {
        assertThrows(InvalidTokenException.class,
                () -> cut.verify(ForgedTokens.sign(JWSAlgorithm.HS256, Tokens.SECRET, validClaims().subject("alice"))));
    }

    @Test
    void rejectsGarbage() {
        assertThrows(InvalidTokenException.class, () -> cut.verify("not.a.token"));
        assertThrows(InvalidTokenException.class, () -> cut.verify(""));
    }

    @Test
    void treatsAMissingAdminClaimAsNotAdmin() throws Exception {
        Caller caller = cut.verify(ForgedTokens.sign(JWSAlgorithm.HS256, Tokens.SECRET, validClaims().claim("admin", null)));
        assertFalse(caller.admin());
    }

    static JWTClaimsSet.Builder validClaims() {
        return ForgedTokens.claims(Tokens.ISSUER, 0).claim("preferred_username", "alice");
    }
}
