package dev.authstack.api.auth.boundary;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import dev.authstack.it.Api;
import dev.authstack.it.ForgedTokens;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens forged, tampered with or expired, sent to the real server: each must be a 401 problem with a challenge. */
class BearerTokenFilterIT {

    final Api api = Api.ofTestStack();

    @Test
    void acceptsATokenSignedWithTheSecretByAnyStandardLibrary() throws Exception {
        Api.Answer answer = api.get("hello", ForgedTokens.sign(JWSAlgorithm.HS256, TestStack.JWT_SECRET, claims()));
        assertEquals(200, answer.status(), answer::toString);
        assertEquals("admin", answer.json().getString("user"));
    }

    @Test
    void anonymousRequestGetsABareChallenge() {
        Api.Answer answer = api.get("hello", null);
        assertUnauthorized(answer);
        assertEquals("Bearer realm=\"auth-stack\"", answer.header("WWW-Authenticate"));
    }

    @Test
    void rejectsAlgNone() {
        assertInvalidToken(api.get("hello", new PlainJWT(claims().build()).serialize()));
    }

    @Test
    void rejectsAlgNoneWithAForgedHeaderOnASignedToken() throws Exception {
        String genuine = ForgedTokens.sign(JWSAlgorithm.HS256, TestStack.JWT_SECRET, claims());
        String noneHeader = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String[] parts = genuine.split("\\.");
        assertInvalidToken(api.get("hello", noneHeader + "." + parts[1] + "."));
        assertInvalidToken(api.get("hello", noneHeader + "." + parts[1] + "." + parts[2]));
    }

    @Test
    void rejectsAnotherHmacAlgorithmWithTheSameSecret() throws Exception {
        String secret512 = TestStack.JWT_SECRET + TestStack.JWT_SECRET; // HS384 needs 48 bytes, HS512 64
        assertInvalidToken(api.get("hello", ForgedTokens.sign(JWSAlgorithm.HS384, TestStack.JWT_SECRET, claims())));
        assertInvalidToken(api.get("hello", ForgedTokens.sign(JWSAlgorithm.HS512, secret512, claims())));
    }

    @Test
    void rejectsATokenSignedWithAnotherSecret() throws Exception {
        assertInvalidToken(api.get("hello", ForgedTokens.sign(JWSAlgorithm.HS256, "x".repeat(48), claims())));
    }

    @Test
    void rejectsATamperedPayload() throws Exception {
        String genuine = ForgedTokens.sign(JWSAlgorithm.HS256, TestStack.JWT_SECRET, claims().subject("999").claim("admin", false));
        String[] parts = genuine.split("\\.");
        String tampered = parts[0] + "." + base64Url(claims().build().toString()) + "." + parts[2];
        assertInvalidToken(api.get("users", tampered));
    }

    @Test
    void rejectsAnExpiredToken() throws Exception {
        Instant longAgo = Instant.now().minusSeconds(3600);
        Api.Answer answer = api.get("hello", ForgedTokens.sign(JWSAlgorithm.HS256, TestStack.JWT_SECRET,
                claims().issueTime(Date.from(longAgo.minusSeconds(60))).expirationTime(Date.from(longAgo))));
        assertInvalidToken(answer);
        assertTrue(answer.json().getString("detail").contains("expired"));
    }

    @Test
    void toleratesTheConfiguredClockSkew() throws Exception {
        Instant moments = Instant.now().minusSeconds(5);
        assertEquals(200, api.get("hello", ForgedTokens.sign(JWSAlgorithm.HS256, TestStack.JWT_SECRET,
                claims().expirationTime(Date.from(moments)))).status());
    }

    @Test
    void rejectsMissingJtiOrExpOrAForeignIssuer() throws Exception {
        assertInvalidToken(api.get("hello", ForgedTokens.sign(JWSAlgorithm.HS256, TestStack.JWT_SECRET, claims().jwtID(null))));
        assertInvalidToken(api.get("hello", ForgedTokens.sign(JWSAlgorithm.HS256, TestStack.JWT_SECRET, claims().expirationTime(null))));
        assertInvalidToken(api.get("hello", ForgedTokens.sign(JWSAlgorithm.HS256, TestStack.JWT_SECRET, claims().issuer("evil"))));
    }

    @Test
    void rejectsGarbageAndOtherSchemes() {
        assertInvalidToken(api.get("hello", "garbage"));
        Api.Answer basic = api.send(api.request("hello", null).header("Authorization", "Basic YWRtaW46YWRtaW4xMjM=").GET());
        assertInvalidToken(basic);
    }

    @Test
    void aNonAdminTokenIsForbiddenFromAdminResources() throws Exception {
        Api.Answer answer = api.get("users", ForgedTokens.sign(JWSAlgorithm.HS256, TestStack.JWT_SECRET, claims().claim("admin", false)));
        assertEquals(403, answer.status(), answer::toString);
        assertEquals(Api.PROBLEM_JSON, answer.mediaType());
        assertEquals(403, answer.json().getInt("status"));
    }

    static void assertInvalidToken(Api.Answer answer) {
        assertUnauthorized(answer);
        assertTrue(answer.header("WWW-Authenticate").contains("error=\"invalid_token\""), answer.header("WWW-Authenticate"));
    }

    static void assertUnauthorized(Api.Answer answer) {
        assertEquals(401, answer.status(), answer::toString);
        assertEquals(Api.PROBLEM_JSON, answer.mediaType());
        assertEquals(401, answer.json().getInt("status"));
        assertTrue(answer.header("WWW-Authenticate").startsWith("Bearer realm="));
    }

    /** The default admin's claims, with the security stamp its genuine tokens carry now. */
    JWTClaimsSet.Builder claims() {
        return ForgedTokens.claims(TestStack.ISSUER, ForgedTokens.stampOf(api.loginAsAdmin()));
    }


    static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
