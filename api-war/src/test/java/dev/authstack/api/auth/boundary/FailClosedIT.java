package dev.authstack.api.auth.boundary;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import dev.authstack.it.Api;
import dev.authstack.it.PrivateRedis;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With Redis away no token can be checked for revocation, so none is let through: 503, quickly, then recovery. */
class FailClosedIT {

    final Api api = Api.ofTestStack();
    final PrivateRedis redis = TestStack.get().redis();

    @AfterEach
    void redisIsBack() {
        if (!redis.answers()) {
            redis.start();
        }
    }

    @Test
    void redisDownMeans503ForTokensThenRecoveryWithoutRestart() throws Exception {
        String valid = api.loginAsAdmin();
        String revoked = api.loginAsAdmin();
        assertEquals(200, api.post("auth/logout", null, revoked).status());

        redis.stop();

        for (String token : new String[] {valid, revoked}) {
            Instant start = Instant.now();
            Api.Answer answer = api.get("hello", token);
            assertEquals(503, answer.status(), answer::toString);
            assertEquals("application/problem+json", answer.contentType().split(";")[0]);
            assertTrue(answer.json().getString("detail").contains("Redis"));
            assertTrue(Duration.between(start, Instant.now()).toMillis() < 3000, "refused quickly");
        }
        assertEquals(503, api.post("auth/login", TokensResourceIT.credentials("admin", "admin123"), null).status(),
                "no token is issued that could not be revoked later");
        assertEquals(200, api.get("status", null).status(), "status touches no backend");
        assertEquals(503, new Api(TestStack.get().baseUri()).get("health/ready", null).status());

        redis.start();

        Instant deadline = Instant.now().plusSeconds(10);
        int status;
        do {
            status = api.get("hello", valid).status();
        } while (status != 200 && Instant.now().isBefore(deadline));
        assertEquals(200, status, "recovered by itself");
        assertEquals(401, api.get("hello", revoked).status(), "the logout survived the restart (append-only file)");
    }
}
