package dev.authstack.api.auth.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import dev.authstack.it.Api;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthResourceIT {

    final Api api = Api.ofTestStack();

    @Test
    void loginAnswersABearerTokenTheUserAndNoStore() {
        Api.Answer answer = api.post("auth/login", credentials(TestStack.ADMIN, TestStack.ADMIN_PASSWORD), null);

        assertEquals(200, answer.status(), answer::toString);
        assertTrue(answer.contentType().startsWith("application/json"));
        assertTrue(answer.header("Cache-Control").contains("no-store"));
        JsonObject body = answer.json();
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals(300, body.getInt("expires_in"), "ACCESS_TOKEN_TTL_SECONDS: short, a session lives on through refresh");
        assertTrue(body.getString("refresh_token").length() >= 43);
        assertEquals(3, body.getString("access_token").split("\\.").length);
        JsonObject user = body.getJsonObject("user");
        assertEquals("admin", user.getString("username"));
        assertEquals("admin@example.com", user.getString("email"));
        assertTrue(user.getBoolean("is_admin"));
        assertTrue(user.getBoolean("is_active"));
        assertTrue(user.containsKey("id") && user.containsKey("created_at"));
        assertFalse(answer.body().contains("password"), "no password or hash in the answer");
        assertFalse(answer.body().contains("$2a$"), "no password or hash in the answer");
    }

    @Test
    void loginFailuresCannotBeToldApart() {
        String admin = api.loginAsAdmin();
        JsonObject inactive = api.createUser(admin, "inactive-pass", false);
        api.put("users/" + inactive.getInt("id"), "{\"is_active\":false}", admin);

        Api.Answer unknownUser = api.post("auth/login", credentials("nobody-" + System.nanoTime(), "whatever123"), null);
        Api.Answer wrongPassword = api.post("auth/login", credentials(TestStack.ADMIN, "wrong-password"), null);
        Api.Answer deactivated = api.post("auth/login", credentials(inactive.getString("username"), "inactive-pass"), null);

        for (Api.Answer answer : new Api.Answer[] {unknownUser, wrongPassword, deactivated}) {
            assertEquals(401, answer.status(), answer::toString);
            assertEquals(Api.PROBLEM_JSON, answer.mediaType());
            assertTrue(answer.header("WWW-Authenticate").startsWith("Bearer"));
        }
        assertEquals(unknownUser.body(), wrongPassword.body());
        assertEquals(unknownUser.body(), deactivated.body());
    }

    @Test
    void loginIsCaseInsensitiveInTheUsernameOnly() {
        assertEquals(200, api.post("auth/login", credentials("ADMIN", TestStack.ADMIN_PASSWORD), null).status());
        assertEquals(401, api.post("auth/login", credentials("admin", "ADMIN123"), null).status());
    }

    @Test
    void loginWithoutCredentialsIsABadRequest() {
        Api.Answer missingPassword = api.post("auth/login", "{\"username\":\"admin\"}", null);
        assertEquals(400, missingPassword.status());
        assertEquals("password", missingPassword.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(400, api.post("auth/login", null, null).status());
    }

    @Test
    void loginIgnoresAStaleTokenItIsSentWith() {
        Api.Answer answer = api.post("auth/login", credentials(TestStack.ADMIN, TestStack.ADMIN_PASSWORD), "revoked.or.garbage");
        assertEquals(200, answer.status(), answer::toString);
    }

    @Test
    void logoutEndsItsSessionAtOnceAndOnlyThatSession() {
        String first = api.loginAsAdmin();
        String second = api.loginAsAdmin();

        Api.Answer logout = api.post("auth/logout", null, first);

        assertEquals(200, logout.status(), logout::toString);
        assertTrue(logout.json().getString("message").contains("session has ended"));
        Api.Answer afterwards = api.get("hello", first);
        assertEquals(401, afterwards.status());
        assertTrue(afterwards.header("WWW-Authenticate").contains("error=\"invalid_token\""));
        assertTrue(afterwards.json().getString("detail").contains("session has ended"), afterwards::toString);
        assertEquals(200, api.get("hello", second).status(), "the user's other sessions stay");
    }

    @Test
    void logoutNeedsAToken() {
        Api.Answer answer = api.post("auth/logout", null, null);
        assertEquals(401, answer.status());
        assertEquals("Bearer realm=\"auth-stack\"", answer.header("WWW-Authenticate"));
    }

    static String credentials(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }
}
