package dev.authstack.api.health.boundary;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Predicate;

import dev.authstack.it.Api;
import dev.authstack.it.Eventually;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthIT {

    final Api api = Api.ofTestStack();
    final Api server = new Api(TestStack.get().baseUri());

    @Test
    void statusIsPublicAndSaysUpWithTheVersion() {
        Api.Answer answer = api.get("status", null);
        assertEquals(200, answer.status());
        assertEquals("UP", answer.json().getString("status"));
        assertTrue(answer.json().getString("version").matches("\\d+\\.\\d+\\.\\d+.*"));
    }

    @Test
    void readyWhenPostgresqlAndRedisAnswer() {
        Api.Answer answer = server.get("health/ready", null);
        assertEquals(200, answer.status(), answer::toString);
        assertTrue(answer.body().contains("\"postgresql\":\"UP\"") && answer.body().contains("\"redis\":\"UP\""), answer::toString);
    }

    @Test
    void liveWhileTheJvmRuns() {
        assertEquals(200, server.get("health/live", null).status());
    }

    @Test
    void corsAllowsOnlyTheConfiguredOrigins() {
        Api.Answer allowed = api.send(api.request("users", null).method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", TestStack.ALLOWED_ORIGIN).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"));
        assertEquals(204, allowed.status());
        assertEquals(TestStack.ALLOWED_ORIGIN, allowed.header("Access-Control-Allow-Origin"));
        assertTrue(allowed.header("Access-Control-Allow-Headers").contains("Authorization"));

        Api.Answer foreign = api.send(api.request("status", null).header("Origin", "https://evil.example.test").GET());
        assertEquals(200, foreign.status());
        assertNull(foreign.header("Access-Control-Allow-Origin"));
    }

    @Test
    void readinessSaysWhenRedisWouldForgetLogoutsWithoutFailing() {
        var redis = TestStack.get().redis();
        assertEquals("kept", revocations(), "the private Redis keeps an append-only file");
        try {
            redis.cli("CONFIG", "SET", "appendonly", "no");
            redis.cli("CONFIG", "SET", "maxmemory-policy", "allkeys-lru");
            redis.cli("CLIENT", "KILL", "TYPE", "pubsub"); // the feed reconnects and looks again
            String verdict = awaitRevocations(answer -> !answer.equals("kept"));
            assertTrue(verdict.contains("no persistence") && verdict.contains("allkeys-lru"), verdict);
            assertEquals(200, server.get("health/ready", null).status(), "shown, not failed on");
            // Payara writes its log asynchronously: give the line the moment it needs.
            assertTrue(Eventually.until(Duration.ofSeconds(5), () -> TestStack.get().serverLog().contains("Redis may lose revocations"),
                    logged -> logged), "a warning in the log");
        } finally {
            redis.cli("CONFIG", "SET", "appendonly", "yes");
            redis.cli("CONFIG", "SET", "maxmemory-policy", "noeviction");
            redis.cli("CLIENT", "KILL", "TYPE", "pubsub");
        }
        assertEquals("kept", awaitRevocations("kept"::equals));
    }

    private String revocations() {
        return verdictOf(server.get("health/ready", null));
    }

    /** The feed reconnects within a second or two; readiness is asked until it says what is expected, for at most 10 s. */
    private String awaitRevocations(Predicate<String> expected) {
        // While the feed reconnects readiness is 503: only a ready answer has a verdict to read.
        String verdict = Eventually.until(Duration.ofSeconds(10), () -> {
            Api.Answer answer = server.get("health/ready", null);
            return answer.status() == 200 ? verdictOf(answer) : null;
        }, answer -> answer != null && expected.test(answer));
        return String.valueOf(verdict);
    }

    private static String verdictOf(Api.Answer readiness) {
        return readiness.json().getJsonArray("checks").getJsonObject(0).getJsonObject("data").getString("revocations");
    }
}
