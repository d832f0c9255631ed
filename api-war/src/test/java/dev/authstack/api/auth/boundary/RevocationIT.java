package dev.authstack.api.auth.boundary;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import com.nimbusds.jwt.SignedJWT;

import dev.authstack.it.Api;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A change that weakens a user takes effect on the tokens that user already holds, at once. */
class RevocationIT {

    final Api api = Api.ofTestStack();
    String admin;
    JsonObject user;
    String userToken;

    @BeforeEach
    void userWithALiveToken() {
        admin = api.loginAsAdmin();
        user = api.createUser(admin, "original-password", false);
        userToken = api.login(user.getString("username"), "original-password");
        assertEquals(200, api.get("hello", userToken).status());
    }

    @Test
    void changingThePasswordRevokesExistingTokens() {
        assertEquals(200, update("{\"password\":\"brand-new-password\"}").status());
        assertRevoked(userToken);
        assertEquals(200, api.get("hello", api.login(user.getString("username"), "brand-new-password")).status());
    }

    @Test
    void promotingOrDemotingRevokesExistingTokens() {
        assertEquals(200, update("{\"is_admin\":true}").status());
        assertRevoked(userToken);
        String promoted = api.login(user.getString("username"), "original-password");
        assertEquals(200, api.get("users", promoted).status(), "the new token carries the new role");

        assertEquals(200, update("{\"is_admin\":false}").status());
        assertRevoked(promoted);
    }

    @Test
    void deactivatingRevokesExistingTokensAndRefusesNewLogins() {
        assertEquals(200, update("{\"is_active\":false}").status());
        assertRevoked(userToken);
        assertEquals(401, api.post("auth/login", AuthResourceIT.credentials(user.getString("username"), "original-password"), null).status());
    }

    @Test
    void deletingRevokesExistingTokens() {
        assertEquals(204, api.delete("users/" + user.getInt("id"), admin).status());
        assertRevoked(userToken);
    }

    @Test
    void changingOnlyTheEmailKeepsTokensValid() {
        assertEquals(200, update("{\"email\":\"renamed-" + user.getString("username") + "@example.com\"}").status());
        assertEquals(200, api.get("hello", userToken).status());
    }

    @Test
    void anEndedSessionIsRememberedAsLongAsItsTokensCouldPassAndNoLonger() throws Exception {
        String sessionId = SignedJWT.parse(userToken).getJWTClaimsSet().getStringClaim("sid");
        Instant expiry = SignedJWT.parse(userToken).getJWTClaimsSet().getExpirationTime().toInstant();
        assertEquals(200, api.post("auth/logout", null, userToken).status());

        // Any access token of the session expires within ACCESS_TOKEN_TTL_SECONDS (300) of the logout, this one sooner.
        long ttl = Long.parseLong(TestStack.get().redis().cli("TTL", "auth:revoked:sid-" + sessionId));
        long expected = 300 + 30;
        assertTrue(ttl > 0 && Math.abs(ttl - expected) <= 5, "TTL " + ttl + " should be a token's whole life plus skew, " + expected);
        assertTrue(Instant.now().plusSeconds(ttl).isAfter(expiry), "and so outlive this token");
    }

    @Test
    void aProtectedRequestCostsNoRedisCommand() {
        var redis = TestStack.get().redis();
        redis.cli("CONFIG", "RESETSTAT");
        int requests = 20;
        for (int i = 0; i < requests; i++) {
            assertEquals(200, api.get("hello", userToken).status());
        }
        long commands = redis.cli("INFO", "commandstats").lines()
                .filter(line -> line.startsWith("cmdstat_"))
                .filter(line -> !line.startsWith("cmdstat_info:") && !line.startsWith("cmdstat_config")
                        && !line.startsWith("cmdstat_ping:")) // the pool's idle-connection checks
                .mapToLong(line -> Long.parseLong(line.replaceAll(".*calls=(\\d+).*", "$1")))
                .sum();
        assertEquals(0, commands, commands + " Redis commands for " + requests + " requests: revocations are checked in memory");
    }

    private Api.Answer update(String json) {
        return api.put("users/" + user.getInt("id"), json, admin);
    }

    private void assertRevoked(String token) {
        Api.Answer answer = api.get("hello", token);
        assertEquals(401, answer.status(), answer::toString);
        assertTrue(answer.header("WWW-Authenticate").contains("invalid_token"));
    }
}
