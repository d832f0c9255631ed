package dev.authstack.api.auth.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import dev.authstack.api.contract.UsernameVariants;
import dev.authstack.it.Api;
import dev.authstack.it.Eventually;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An account has one name: a look-alike (Turkish I, Kelvin sign, fullwidth letters, combining marks, spaces) is not
 * that account, neither for the login, nor for the throttle, nor for the audit trail. Only ASCII case does not matter.
 */
class UsernameVariantsIT {

    static final String PASSWORD = "variants-password";
    static final Api api = Api.ofTestStack();
    static String admin;

    @BeforeAll
    static void admin() {
        admin = api.loginAsAdmin();
    }

    @Test
    void aLookAlikeNameWithTheRightPasswordIsAnOrdinaryFailure() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 2; round++) {
            String name = register(random);
            for (String lookAlike : UsernameVariants.lookAlikes(name, random)) {
                Api.Answer answer = login(lookAlike, PASSWORD, "198.51.100.20");
                assertEquals(401, answer.status(), "seed " + seed + ": " + escaped(lookAlike) + " for " + name + ": " + answer);
            }
            assertEquals(200, login(UsernameVariants.caseVariant(name, random), PASSWORD, "198.51.100.20").status(), "ASCII case is one account");
        }
    }

    @Test
    void aThrottledAccountStaysThrottledUnderEveryNameAndNoLookAlikeGetsIn() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String name = register(random);
        String address = "198.51.100.21";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(name, "wrong-password", address).status());
        }
        assertEquals(429, login(name, PASSWORD, address).status());
        for (int i = 0; i < 5; i++) {
            String caseVariant = UsernameVariants.caseVariant(name, random);
            assertEquals(429, login(caseVariant, PASSWORD, address).status(), "seed " + seed + ": " + caseVariant + " is the same account");
        }
        for (String lookAlike : UsernameVariants.lookAlikes(name, random)) {
            Api.Answer answer = login(lookAlike, PASSWORD, address);
            assertEquals(401, answer.status(), "seed " + seed + ": " + escaped(lookAlike) + " for " + name + " (throttled): " + answer);
        }

        // The trail names the account for its own five failures, and for none of the look-alikes' attempts.
        List<JsonObject> failures = Eventually.until(Duration.ofSeconds(10), () -> failedLogins(name), events -> events.size() >= 5);
        assertEquals(5, failures.size(), "seed " + seed + ": " + failures);
    }

    private static String register(Random random) {
        String name = UsernameVariants.name(random);
        Api.Answer created = api.post("register", Json.createObjectBuilder().add("username", name).add("email", "variant-" + Math.abs(random.nextLong()) + "@example.com")
                .add("password", PASSWORD).build().toString(), admin);
        assertEquals(201, created.status(), created::toString);
        return name;
    }

    private static List<JsonObject> failedLogins(String name) {
        return api.get("audit-events?type=login_failed&username=" + name, admin).json().getJsonArray("events").getValuesAs(JsonObject.class);
    }

    private static Api.Answer login(String username, String password, String address) {
        return api.send(api.request("auth/login", null).header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("username", username).add("password", password)
                        .build().toString())));
    }

    private static String escaped(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(c -> escaped.append(c < 128 ? Character.toString(c) : String.format("\\u%04X", c)));
        return "\"" + escaped + "\"";
    }
}
