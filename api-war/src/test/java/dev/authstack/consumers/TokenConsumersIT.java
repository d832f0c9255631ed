package dev.authstack.consumers;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.authstack.it.Api;
import dev.authstack.it.Eventually;
import dev.authstack.it.ForgedTokens;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our tokens verified by consumers nobody here wrote, each configured only as its own documentation says, with our
 * issuer URL: Payara's MicroProfile JWT (a WAR of its own on its own Payara Micro), a Spring Boot resource server
 * configured with {@code issuer-uri} discovery (src/test/spring-boot), and node's {@code jose} with a remote JWK Set.
 * Then a rotation: tokens of the old and the new key keep working for all of them.
 */
@Tag("slow")
class TokenConsumersIT {

    static final Api api = Api.ofTestStack();
    static ConsumerProcess microProfile;
    static ConsumerProcess springBoot;
    static String adminToken;
    static String userToken;

    @BeforeAll
    static void start() {
        String issuer = TestStack.get().issuer();
        adminToken = api.loginAsAdmin();
        JsonObject user = api.createUser(adminToken, "consumer-password-1", false);
        userToken = api.login(user.getString("username"), "consumer-password-1");
        microProfile = MicroProfileJwtService.start(issuer);
        springBoot = SpringBootConsumer.start(issuer);
    }

    @AfterAll
    static void stop() {
        for (ConsumerProcess consumer : new ConsumerProcess[] {microProfile, springBoot}) {
            if (consumer != null) {
                consumer.close();
            }
        }
    }

    @Test
    void microProfileJwtOnPayaraTakesOurTokensAndItsRoles() {
        assertTakesOurTokensAndRoles(microProfile);
    }

    @Test
    void microProfileJwtOnPayaraRefusesForgedExpiredAndForeignTokens() {
        assertRefusesForgedTokens(microProfile, "admin");
    }

    @Test
    void springBootFromTheIssuerUriAloneTakesOurTokensAndItsRoles() {
        assertTakesOurTokensAndRoles(springBoot);
        assertEquals(200, springBoot.get("hello", userToken).status());
    }

    @Test
    void springBootRefusesForgedExpiredAndForeignTokens() {
        assertRefusesForgedTokens(springBoot, "hello");
    }

    /** Both process consumers serve the same paths: "admin" for our admin group only, "whoami" for any token of ours. */
    static void assertTakesOurTokensAndRoles(ConsumerProcess consumer) {
        assertEquals(new ConsumerProcess.Answer(200, "admin " + TestStack.ADMIN), consumer.get("admin", adminToken));
        assertEquals(403, consumer.get("admin", userToken).status());
        ConsumerProcess.Answer who = consumer.get("whoami", userToken);
        assertEquals(200, who.status(), who::toString);
        assertTrue(who.body().endsWith("[] " + TestStack.get().issuer()), who.body());
    }

    static void assertRefusesForgedTokens(ConsumerProcess consumer, String path) {
        for (String token : refusedTokens()) {
            assertEquals(401, consumer.get(path, token).status(), token);
        }
    }

    @Test
    void nodeJoseWithOurRemoteKeySetTakesOurTokens() {
        List<JsonObject> verdicts = jose(List.of(adminToken, userToken));
        assertTrue(verdicts.get(0).getBoolean("ok"), verdicts.get(0).toString());
        assertEquals(List.of("admin"), verdicts.get(0).getJsonArray("groups").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertTrue(verdicts.get(1).getBoolean("ok"), verdicts.get(1).toString());
        List<String> refused = refusedTokens();
        List<JsonObject> refusals = jose(refused);
        for (int i = 0; i < refused.size(); i++) {
            assertEquals(false, refusals.get(i).getBoolean("ok"), refused.get(i));
        }
    }

    @Test
    void aRotationLogsNobodyOutAnywhere() {
        String oldKid = kidOf(adminToken);
        Api.Answer rotation = api.post("signing-keys", "", adminToken);
        assertEquals(202, rotation.status(), rotation::toString);
        String newKid = rotation.json().getString("kid");
        assertNotEquals(oldKid, newKid);
        assertEquals("next", rotation.json().getString("state"));
        // A second rotation before the first has begun adds nothing: it answers the waiting key.
        assertEquals(newKid, api.post("signing-keys", "", adminToken).json().getString("kid"));
        // Published before it signs: a consumer that fetches now already has it.
        assertEquals(Set.of(oldKid, newKid), publishedKids());

        String newToken = Eventually.until(Duration.ofSeconds(20), api::loginAsAdmin, token -> kidOf(token).equals(newKid));
        assertEquals(newKid, kidOf(newToken), "the new key did not start signing");

        for (String token : List.of(adminToken, newToken)) {
            assertEquals(200, api.get("hello", token).status());
            // Payara's JWK Set cache (a second here) may still hold the set it fetched before the rotation.
            ConsumerProcess.Answer answer = Eventually.until(Duration.ofSeconds(10), () -> microProfile.get("admin", token),
                    got -> got.status() == 200);
            assertEquals(200, answer.status(), answer::toString);
            // Spring fetches the JWK Set again when it meets a kid it has not seen.
            assertEquals(new ConsumerProcess.Answer(200, "admin " + TestStack.ADMIN), springBoot.get("admin", token));
        }
        assertTrue(jose(List.of(adminToken, newToken)).stream().allMatch(verdict -> verdict.getBoolean("ok")));

        Map<String, String> states = api.get("signing-keys", newToken).jsonArray().getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(key -> key.getString("kid"), key -> key.getString("state")));
        assertEquals("retiring", states.get(oldKid));
        assertEquals("active", states.get(newKid));
        String rotations = api.get("audit-events?type=signing_key_rotated", newToken).body();
        assertTrue(rotations.contains(newKid), rotations);
    }

    /** Tokens every consumer must refuse: another key, our key on an expired or foreign token, HMAC with our public key. */
    static List<String> refusedTokens() {
        String issuer = TestStack.get().issuer();
        long stamp = ForgedTokens.stampOf(adminToken);
        ECKey ours = TestStack.get().signingKey();
        Instant longAgo = Instant.now().minusSeconds(7200);
        List<String> tokens = new ArrayList<>();
        tokens.add(ForgedTokens.sign(ForgedTokens.strangerKey(), ForgedTokens.claims(issuer, stamp)));
        tokens.add(ForgedTokens.sign(ForgedTokens.header(JWSAlgorithm.ES256).keyID(ours.getKeyID()).build(), ForgedTokens.strangerKey(),
                ForgedTokens.claims(issuer, stamp)));
        tokens.add(ForgedTokens.sign(ours, ForgedTokens.claims(issuer, stamp)
                .issueTime(Date.from(longAgo)).expirationTime(Date.from(longAgo.plusSeconds(600)))));
        tokens.add(ForgedTokens.sign(ours, ForgedTokens.claims("https://evil.example.test/api/v1", stamp)));
        try {
            tokens.add(ForgedTokens.signHmac(JWSAlgorithm.HS256, ours.toECPublicKey().getEncoded(), ours.getKeyID(),
                    ForgedTokens.claims(issuer, stamp)));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        return tokens;
    }

    static Set<String> publishedKids() {
        return api.get(".well-known/jwks.json", null).json().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .map(key -> key.getString("kid")).collect(Collectors.toSet());
    }

    static String kidOf(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<JsonObject> jose(List<String> tokens) {
        return NodeJose.verify(TestStack.get().issuer(), TestStack.AUDIENCE, tokens);
    }
}
