package dev.authstack.api.users.boundary;

import jakarta.json.JsonObject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.authstack.it.Api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new password that attackers try first is refused, on registration and on change, saying why. */
class CommonPasswordIT {

    final Api api = Api.ofTestStack();

    @ParameterizedTest
    @ValueSource(strings = {"admin123", "password1", "Password1", "qwerty123", "iloveyou"})
    void isRefusedWithA400ThatSaysWhy(String common) {
        String admin = api.loginAsAdmin();
        Api.Answer registered = api.post("register", "{\"username\":\"common_" + System.nanoTime() + "\",\"email\":\"c" + System.nanoTime()
                + "@example.com\",\"password\":\"" + common + "\"}", admin);
        assertRefused(registered);

        JsonObject user = api.createUser(admin, "an-uncommon-passphrase", false);
        assertRefused(api.put("users/" + user.getInt("id"), "{\"password\":\"" + common + "\"}", admin));
        api.login(user.getString("username"), "an-uncommon-passphrase");
    }

    private static void assertRefused(Api.Answer answer) {
        assertEquals(400, answer.status(), answer::toString);
        assertTrue(answer.json().getString("detail").contains("password: is one of the most common passwords"), answer::toString);
    }
}
