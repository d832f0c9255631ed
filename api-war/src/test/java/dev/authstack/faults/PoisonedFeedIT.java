package dev.authstack.faults;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.authstack.it.Api;
import dev.authstack.it.Eventually;
import dev.authstack.it.PrivateRedis;
import dev.authstack.it.SecondInstance;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Anyone who can reach Redis can publish on the revocation channel. Messages the API cannot understand are ignored:
 * the feed keeps running, protected requests keep answering, readiness keeps telling the truth, and a logout
 * afterwards still reaches the other instance.
 */
@Tag("faults")
class PoisonedFeedIT {

    static final String CHANNEL = "auth:revocations";

    static SecondInstance second;
    final Api api = Api.ofTestStack();
    final PrivateRedis redis = TestStack.get().redis();

    @BeforeAll
    static void twoInstances() {
        second = SecondInstance.shared();
    }


    @Test
    void garbageOnTheChannelChangesNothingAndTheFeedKeepsWorking() {
        String token = api.loginAsAdmin();
        String huge = "revoked " + "x".repeat(200_000) + " 99999999999";
        List<String> garbage = List.of("", " ", "x y", "x", "revoked", "revoked abc", "revoked abc notanumber",
                "revoked abc 1 extra", "revoked  123", "user 1", "user x 5", "user 1 -5", "user 1 99999999999999999999999",
                "deleted", "deleted abc", "reload -1", "unknown 1 2", "\u0000\u0001\u0002\u0003", "\u00ff\ufffe binary \u0000 1",
                "revoked \u0000 1", huge);
        for (String message : garbage) {
            redis.publish(CHANNEL.getBytes(StandardCharsets.UTF_8), message.getBytes(StandardCharsets.UTF_8));
        }
        redis.publish(CHANNEL.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3, 0x28});
        redis.publish((CHANNEL + "\u0000").getBytes(StandardCharsets.UTF_8), "x y".getBytes(StandardCharsets.UTF_8));

        for (Api instance : List.of(api, second.api())) {
            assertEquals(200, instance.get("hello", token).status(), "a protected request after the garbage");
        }
        for (Api server : List.of(new Api(TestStack.get().baseUri()), second.server())) {
            Api.Answer ready = server.get("health/ready", null);
            assertEquals(200, ready.status(), ready::toString);
        }

        assertEquals(200, api.post("auth/logout", null, token).status());
        int status = Eventually.until(Duration.ofMillis(500), () -> second.api().get("hello", token).status(), answer -> answer != 200);
        assertEquals(401, status, "the other instance refuses the logged-out token");
    }
}
