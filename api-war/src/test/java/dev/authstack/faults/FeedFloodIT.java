package dev.authstack.faults;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.authstack.it.Api;
import dev.authstack.it.Eventually;
import dev.authstack.it.SecondInstance;
import dev.authstack.it.TestStack;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code PUBLISH auth:revocations "token <unique id> 999999999999999999"}, as fast as Redis takes it: an instance's
 * memory fills to its bound and no further, it keeps answering, and a real logout heard while it is full, which
 * the memory cannot hold, is refused all the same.
 */
@Tag("faults")
class FeedFloodIT {

    static final int BOUND = 500;
    static final int FLOOD = 20_000;

    final Api api = Api.ofTestStack();

    @Test
    void theMemoryStopsAtItsBoundAndARevocationLeftOutIsStillRefused() {
        try (SecondInstance small = SecondInstance.start(Map.of("REVOCATION_MEMORY_MAX_TOKENS", String.valueOf(BOUND)))) {
            String token = api.loginAsAdmin();
            String bystander = api.loginAsAdmin();
            assertEquals(200, small.api().get("hello", token).status());

            try (Jedis redis = new Jedis("127.0.0.1", TestStack.get().redis().port())) {
                Pipeline flood = redis.pipelined();
                for (int i = 0; i < FLOOD; i++) {
                    flood.publish("auth:revocations", "token " + UUID.randomUUID() + " 999999999999999999");
                }
                flood.sync();
            }
            String memory = Eventually.until(Duration.ofSeconds(20), () -> memoryOf(small), held -> held.contains("at the limit"));
            assertTrue(memory.startsWith(BOUND + " revoked tokens (limit " + BOUND + ")"), "held no more than the bound: " + memory);
            assertEquals(200, small.api().get("hello", bystander).status(), "and answers meanwhile");

            assertEquals(200, api.post("auth/logout", null, token).status(), "logged out on the other instance");
            int status = Eventually.until(Duration.ofSeconds(5), () -> small.api().get("hello", token).status(), answer -> answer != 200);
            assertEquals(401, status, "refused, though the memory could not hold it: Redis is asked");
            assertEquals(200, small.api().get("hello", bystander).status(), "only that token");
            assertTrue(memoryOf(small).startsWith(BOUND + " revoked tokens"), "still no more than the bound");
        }
    }

    private static String memoryOf(SecondInstance instance) {
        Api.Answer ready = instance.server().get("health/ready", null);
        JsonObject data = ready.json().getJsonArray("checks").getJsonObject(0).getJsonObject("data");
        return data.getString("revocation_memory");
    }
}
