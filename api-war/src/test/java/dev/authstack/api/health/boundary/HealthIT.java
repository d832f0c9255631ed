package dev.authstack.api.health.boundary;

import org.junit.jupiter.api.Test;

import dev.authstack.it.Api;
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
}
