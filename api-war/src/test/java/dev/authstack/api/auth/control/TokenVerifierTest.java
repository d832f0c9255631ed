package dev.authstack.api.auth.control;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;

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
        AccessToken token = Tokens.issuer(now).issue(Tokens.user(42, "alice", true), Tokens.session());

        Caller caller = cut.verify(token.compact());

        assertEquals(42, caller.userId());
        assertEquals("alice", caller.username());
        assertTrue(caller.admin());
        assertEquals(token.tokenId(), caller.tokenId());
        assertEquals(token.expiresAt(), caller.expiresAt());
        assertEquals(Tokens.SESSION, caller.sessionId());
    }

    @Test
    void issuedTokenCarriesTheStandardClaims() throws Exception {
        AccessToken token = Tokens.issuer(Instant.now()).issue(Tokens.user(7, "bob", false), Tokens.session());
        JWTClaimsSet claims = SignedJWT.parse(token.compact()).getJWTClaimsSet();
        assertEquals(Tokens.ISSUER, claims.getIssuer());
        assertEquals("7", claims.getSubject());
        assertEquals(List.of(Tokens.AUDIENCE), claims.getAudience());
        assertEquals(3600, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
        assertEquals(token.tokenId(), claims.getJWTID());
        assertEquals("bob", claims.getStringClaim("preferred_username"));
        assertEquals("bob", claims.getStringClaim("upn"));
        assertEquals(List.of(), claims.getStringListClaim("groups"));
        assertEquals(JWSAlgorithm.ES256, SignedJWT.parse(token.compact()).getHeader().getAlgorithm());
        assertEquals(Tokens.KEY.getKeyID(), SignedJWT.parse(token.compact()).getHeader().getKeyID());
    }

    @Test
    void aRememberedTokenStillExpires() {
        Instant now = Instant.now();
        AccessToken token = Tokens.issuer(now.minusSeconds(3600 - 5)).issue(Tokens.user(42, "alice", false), Tokens.session());
        assertEquals("alice", cut.verify(token.compact()).username());

        cut.clock = java.time.Clock.fixed(now.plusSeconds(5 + 31), java.time.ZoneOffset.UTC);

        assertThrows(InvalidTokenException.class, () -> cut.verify(token.compact()));
    }

    @Test
    void rememberingATokenNeverAcceptsAnotherText() throws Exception {
        String genuine = ForgedTokens.sign(Tokens.KEY, validClaims());
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
    void rejectsHmacTokensKeyedWithOurPublicKey() throws Exception {
        // Algorithm confusion: a verifier that took "the key" for whatever alg the header names would accept these.
        String kid = Tokens.KEY.getKeyID();
        byte[][] publicKeyForms = {Tokens.KEY.toECPublicKey().getEncoded(),
                Tokens.KEY.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8), Tokens.KEY.getX().decode()};
        for (byte[] secret : publicKeyForms) {
            byte[] longEnough = Arrays.copyOf(secret, Math.max(secret.length, 64));
            for (JWSAlgorithm hmac : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512)) {
                String forged = ForgedTokens.signHmac(hmac, longEnough, kid, validClaims());
                assertThrows(InvalidTokenException.class, () -> cut.verify(forged), hmac.getName());
            }
        }
    }

    @Test
    void rejectsTokenSignedByAnotherP256Key() {
        ECKey stranger = ForgedTokens.strangerKey();
        assertThrows(InvalidTokenException.class, () -> cut.verify(ForgedTokens.sign(stranger, validClaims())));
        // Naming our key's id does not help the stranger's signature either.
        String spoofedKid = ForgedTokens.sign(ForgedTokens.header(JWSAlgorithm.ES256).keyID(Tokens.KEY.getKeyID()).build(),
                stranger, validClaims());
        assertThrows(InvalidTokenException.class, () -> cut.verify(spoofedKid));
    }

    @Test
    void rejectsOurOwnSignatureWithoutAKeyId() {
        String noKid = ForgedTokens.sign(ForgedTokens.header(JWSAlgorithm.ES256).build(), Tokens.KEY, validClaims());
        assertThrows(InvalidTokenException.class, () -> cut.verify(noKid));
    }

    @Test
    void rejectsKeyIdsThatAreNotOurs() {
        String ours = Tokens.KEY.getKeyID();
        for (String kid : List.of("../../../../etc/passwd", "", " ", "x".repeat(3000), ours + "\u0000", ours + " ",
                ours.toLowerCase(Locale.ROOT).equals(ours) ? ours.toUpperCase(Locale.ROOT) : ours.toLowerCase(Locale.ROOT))) {
            String token = ForgedTokens.sign(ForgedTokens.header(JWSAlgorithm.ES256).keyID(kid).build(), Tokens.KEY, validClaims());
            assertThrows(InvalidTokenException.class, () -> cut.verify(token), kid);
        }
    }

    @Test
    void refusesHeadersThatPointToAKeyElsewhere() throws Exception {
        ECKey stranger = ForgedTokens.strangerKey();
        URI elsewhere = URI.create("http://127.0.0.1:1/keys.json");
        List<JWSHeader> headers = List.of(
                ForgedTokens.header(JWSAlgorithm.ES256).keyID(stranger.getKeyID()).jwk(stranger.toPublicJWK()).build(),
                ForgedTokens.header(JWSAlgorithm.ES256).keyID(stranger.getKeyID()).jwkURL(elsewhere).build(),
                ForgedTokens.header(JWSAlgorithm.ES256).keyID(stranger.getKeyID()).x509CertURL(elsewhere).build());
        for (JWSHeader header : headers) {
            assertThrows(InvalidTokenException.class, () -> cut.verify(ForgedTokens.sign(header, stranger, validClaims())),
                    header.toString());
        }
        // Our own key with a pointer elsewhere is refused too: we never issue one, so someone else made it.
        String pointing = ForgedTokens.sign(ForgedTokens.header(JWSAlgorithm.ES256).keyID(Tokens.KEY.getKeyID()).jwkURL(elsewhere).build(),
                Tokens.KEY, validClaims());
        assertThrows(InvalidTokenException.class, () -> cut.verify(pointing));
    }

    @Test
    void rejectsTokenForAnotherAudience() {
        assertThrows(InvalidTokenException.class, () -> cut.verify(ForgedTokens.sign(Tokens.KEY, validClaims().audience("another-service"))));
        assertThrows(InvalidTokenException.class, () -> cut.verify(ForgedTokens.sign(Tokens.KEY, validClaims().audience((String) null))));
    }

    @Test
    void rejectsTokenOfAnotherKeyFamily() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(Tokens.KEY.getKeyID()).build(), validClaims().build());
        jwt.sign(new RSASSASigner(rsa));
        assertThrows(InvalidTokenException.class, () -> cut.verify(jwt.serialize()));
    }

    @Test
    void rejectsTokenWhosePayloadWasTamperedWith() throws Exception {
        String genuine = ForgedTokens.sign(Tokens.KEY, validClaims().claim("groups", List.of()));
        String[] parts = genuine.split("\\.");
        String promoted = Base64URL.encode(validClaims().claim("groups", List.of("admin")).build().toString()
                .getBytes(StandardCharsets.UTF_8)).toString();
        assertThrows(InvalidTokenException.class, () -> cut.verify(parts[0] + "." + promoted + "." + parts[2]));
    }

    @Test
    void rejectsTokenExpiredLongerAgoThanTheClockSkew() throws Exception {
        Instant expired = Instant.now().minusSeconds(31);
        InvalidTokenException failure = assertThrows(InvalidTokenException.class, () -> cut.verify(
                ForgedTokens.sign(Tokens.KEY, validClaims().expirationTime(Date.from(expired)))));
        assertEquals("The token has expired.", failure.getMessage());
    }

    @Test
    void acceptsTokenExpiredWithinTheClockSkew() throws Exception {
        Instant justExpired = Instant.now().minusSeconds(10);
        Caller caller = cut.verify(ForgedTokens.sign(Tokens.KEY, validClaims().expirationTime(Date.from(justExpired))));
        assertEquals("alice", caller.username());
    }

    @Test
    void rejectsTokenFromAnotherIssuer() throws Exception {
        assertThrows(InvalidTokenException.class,
                () -> cut.verify(ForgedTokens.sign(Tokens.KEY, validClaims().issuer("someone-else"))));
    }

    @Test
    void rejectsTokenWithoutJti() throws Exception {
        assertThrows(InvalidTokenException.class,
                () -> cut.verify(ForgedTokens.sign(Tokens.KEY, validClaims().jwtID(null))));
    }

    @Test
    void rejectsTokenWithoutExpiry() throws Exception {
        assertThrows(InvalidTokenException.class,
                () -> cut.verify(ForgedTokens.sign(Tokens.KEY, validClaims().expirationTime(null))));
    }

    @Test
    void rejectsTokenWithANonNumericSubject() throws Exception {
        assertThrows(InvalidTokenException.class,
                () -> cut.verify(ForgedTokens.sign(Tokens.KEY, validClaims().subject("alice"))));
    }

    @Test
    void rejectsGarbage() {
        assertThrows(InvalidTokenException.class, () -> cut.verify("not.a.token"));
        assertThrows(InvalidTokenException.class, () -> cut.verify(""));
    }

    @Test
    void onlyTheAdminGroupMakesAnAdministrator() {
        assertFalse(cut.verify(ForgedTokens.sign(Tokens.KEY, validClaims().claim("groups", null))).admin());
        assertFalse(cut.verify(ForgedTokens.sign(Tokens.KEY, validClaims().claim("groups", List.of("Admin", "admins")))).admin());
        assertTrue(cut.verify(ForgedTokens.sign(Tokens.KEY, validClaims().claim("groups", List.of("users", "admin")))).admin());
    }

    static JWTClaimsSet.Builder validClaims() {
        return ForgedTokens.claims(Tokens.ISSUER, 0).claim("preferred_username", "alice");
    }
}
