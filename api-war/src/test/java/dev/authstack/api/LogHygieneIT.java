package dev.authstack.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.authstack.it.Api;
import dev.authstack.it.Eventually;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Makes the server handle every secret it knows, then reads what it logged. Runs after every other IT
 * (junit-platform.properties orders classes), so their traffic is read too, but proves its point alone.
 */
@Order(Integer.MAX_VALUE)
class LogHygieneIT {

    static final Api api = Api.ofTestStack();

    @Test
    void theServerLogHoldsNoPasswordTokenHashOrSecret() {
        String unique = Long.toString(System.nanoTime(), 36);
        String password = "hygiene-password-" + unique;
        String newPassword = "hygiene-new-password-" + unique;
        String wrongPassword = "hygiene-wrong-password-" + unique;
        String typedIntoTheNameField = "Hygiene-Secret-" + unique;

        String admin = api.loginAsAdmin();
        JsonObject user = api.createUser(admin, password, false);
        String username = user.getString("username");
        assertEquals(401, login(username, wrongPassword).status());
        assertEquals(401, login(typedIntoTheNameField, password).status());
        assertEquals(200, api.put("users/" + user.getInt("id"), "{\"password\":\"" + newPassword + "\"}", admin).status());
        assertEquals(401, login(username, password).status(), "the old password");
        String device = login(username, newPassword).json().getString("device_token");
        assertEquals(401, login(username, wrongPassword, device).status(), "a wrong password on a known device");
        assertEquals(200, login(username, newPassword, device).status(), "the right one on a known device");
        String token = api.login(username, newPassword);
        assertEquals(200, api.get("hello", token).status());
        assertEquals(401, api.get("hello", token + "x").status(), "a token with a broken signature");
        assertEquals(200, api.post("auth/logout", null, token).status());
        assertEquals(401, api.get("hello", token).status(), "a revoked token");

        // The logout is the last event written after its answer: once it is in the trail, so is everything before.
        boolean loggedOut = Eventually.until(Duration.ofSeconds(10),
                () -> api.get("audit-events?type=logout&username=" + username, admin).json().getJsonArray("events").size(),
                events -> events == 1) == 1;
        assertTrue(loggedOut, "the logout reached the audit trail");

        // Payara logs asynchronously: wait for this test's own line, which its refused logins wrote.
        String refused = "login refused: wrong password for user " + user.getInt("id");
        String log = Eventually.until(Duration.ofSeconds(10), () -> TestStack.get().serverLog(), text -> text.contains(refused));
        assertTrue(log.contains(refused), "the server logged this test's refused logins");
        List<String> secrets = new ArrayList<>(List.of(password, newPassword, wrongPassword, typedIntoTheNameField, admin, token,
                token.split("\\.")[2], device, device.split("\\.")[0], device.split("\\.")[1], TestStack.ADMIN_PASSWORD,
                TestStack.MASTER_KEY, "eyJ", "$2a$", "$2b$", "\"d\":"));
        // What other tests used, when they ran before this one.
        secrets.addAll(List.of("password-1", "original-password", "brand-new-password"));
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "the server log contains " + secret.substring(0, 3) + "...");
        }
    }

    private static Api.Answer login(String username, String password) {
        return api.post("auth/login", Json.createObjectBuilder().add("username", username).add("password", password).build().toString(), null);
    }

    private static Api.Answer login(String username, String password, String deviceToken) {
        return api.post("auth/login", Json.createObjectBuilder().add("username", username).add("password", password)
                .add("device_token", deviceToken).build().toString(), null);
    }
}
