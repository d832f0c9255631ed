package dev.authstack.api.auth.boundary;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.authstack.it.Api;
import dev.authstack.it.ForgedTokens;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens forged, tampered with or expired, sent to the real server: each must be a 401 problem with a challenge. */
class BearerTokenFilterIT {

    final Api api = Api.ofTestStack();

    @Test
    void acceptsATokenSignedWithTheStoredKeyByAnyStandardLibrary() {
        Api.Answer answer = api.get("hello", ForgedTokens.sign(signingKey(), claims()));
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
        String genuine = ForgedTokens.sign(signingKey(), claims());
        String noneHeader = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String[] parts = genuine.split("\\.");
        assertInvalidToken(api.get("hello", noneHeader + "." + parts[1] + "."));
        assertInvalidToken(api.get("hello", noneHeader + "." + parts[1] + "." + parts[2]));
    }

    @Test
    void rejectsHmacTokensKeyedWithThePublishedPublicKey() throws Exception {
        ECKey published = ECKey.parse(api.get(".well-known/jwks.json", null).json().getJsonArray("keys").getJsonObject(0).toString());
        byte[] x509 = published.toECPublicKey().getEncoded();
        byte[] jwk = published.toJSONString().getBytes(StandardCharsets.UTF_8);
        for (byte[] secret : List.of(x509, jwk)) {
            for (JWSAlgorithm hmac : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512)) {
                assertInvalidToken(api.get("hello", ForgedTokens.signHmac(hmac, secret, published.getKeyID(), claims())));
            }
        }
    }

    @Test
    void rejectsATokenSignedWithAnotherValidLookingKey() {
        ECKey stranger = ForgedTokens.strangerKey();
        assertInvalidToken(api.get("hello", ForgedTokens.sign(stranger, claims())));
        assertInvalidToken(api.get("hello", ForgedTokens.sign(ForgedTokens.header(JWSAlgorithm.ES256).keyID(signingKey().getKeyID()).build(),
                stranger, claims())));
    }

    @Test
    void neverFetchesAKeyATokenPointsTo() throws Exception {
        ECKey stranger = ForgedTokens.strangerKey();
        AtomicInteger fetched = new AtomicInteger();
        HttpServer keyServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keyServer.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] body = new JWKSet(stranger.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keyServer.start();
        try {
            URI elsewhere = URI.create("http://127.0.0.1:" + keyServer.getAddress().getPort() + "/jwks.json");
            for (JWSHeader header : List.of(
                    ForgedTokens.header(JWSAlgorithm.ES256).keyID(stranger.getKeyID()).jwkURL(elsewhere).build(),
                    ForgedTokens.header(JWSAlgorithm.ES256).keyID(stranger.getKeyID()).x509CertURL(elsewhere).build(),
                    ForgedTokens.header(JWSAlgorithm.ES256).keyID(stranger.getKeyID()).jwk(stranger.toPublicJWK()).build())) {
                assertInvalidToken(api.get("hello", ForgedTokens.sign(header, stranger, claims())));
            }
        } finally {
            keyServer.stop(0);
        }
        assertEquals(0, fetched.get(), "the API fetched a key a token pointed to");
    }

    @Test
    void rejectsKeyIdsThatAreNotOurs() {
        for (String kid : List.of("../../../../etc/passwd", "%2e%2e%2f", "x".repeat(2000), "null", "\u0000")) {
            assertInvalidToken(api.get("hello", ForgedTokens.sign(ForgedTokens.header(JWSAlgorithm.ES256).keyID(kid).build(), signingKey(), claims())));
        }
    }

    @Test
    void rejectsATamperedPayload() throws Exception {
        String genuine = ForgedTokens.sign(signingKey(), claims().subject("999").claim("groups", List.of()));
        String[] parts = genuine.split("\\.");
        String tampered = parts[0] + "." + base64Url(claims().build().toString()) + "." + parts[2];
        assertInvalidToken(api.get("users", tampered));
    }

    @Test
    void rejectsAnExpiredToken() throws Exception {
        Instant longAgo = Instant.now().minusSeconds(3600);
        Api.Answer answer = api.get("hello", ForgedTokens.sign(signingKey(),
                claims().issueTime(Date.from(longAgo.minusSeconds(60))).expirationTime(Date.from(longAgo))));
        assertInvalidToken(answer);
        assertTrue(answer.json().getString("detail").contains("expired"));
    }

    @Test
    void toleratesTheConfiguredClockSkew() throws Exception {
        Instant moments = Instant.now().minusSeconds(5);
        assertEquals(200, api.get("hello", ForgedTokens.sign(signingKey(),
                claims().expirationTime(Date.from(moments)))).status());
    }

    @Test
    void rejectsMissingJtiOrExpOrAForeignIssuerOrAudience() throws Exception {
        assertInvalidToken(api.get("hello", ForgedTokens.sign(signingKey(), claims().jwtID(null))));
        assertInvalidToken(api.get("hello", ForgedTokens.sign(signingKey(), claims().expirationTime(null))));
        assertInvalidToken(api.get("hello", ForgedTokens.sign(signingKey(), claims().issuer("evil"))));
        assertInvalidToken(api.get("hello", ForgedTokens.sign(signingKey(), claims().audience("another-service"))));
    }

    @Test
    void rejectsGarbageAndOtherSchemes() {
        assertInvalidToken(api.get("hello", "garbage"));
        Api.Answer basic = api.send(api.request("hello", null).header("Authorization", "Basic YWRtaW46YWRtaW4xMjM=").GET());
        assertInvalidToken(basic);
    }

    @Test
    void aNonAdminTokenIsForbiddenFromAdminResources() throws Exception {
        Api.Answer answer = api.get("users", ForgedTokens.sign(signingKey(), claims().claim("groups", List.of())));
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
        return ForgedTokens.claims(TestStack.get().issuer(), ForgedTokens.stampOf(api.loginAsAdmin()));
    }

    static ECKey signingKey() {
        return TestStack.get().signingKey();
    }


    static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
