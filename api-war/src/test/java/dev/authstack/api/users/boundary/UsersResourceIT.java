package dev.authstack.api.users.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import java.util.List;

import dev.authstack.it.Api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsersResourceIT {

    final Api api = Api.ofTestStack();
    final String admin = api.loginAsAdmin();

    @Test
    void registeringAnswers201WithLocationAndTheUser() {
        String name = Api.uniqueUsername("u");
        Api.Answer answer = api.post("register", newUser(name, name + "@example.com", "password-1", true), admin);

        assertEquals(201, answer.status(), answer::toString);
        JsonObject user = answer.json();
        assertTrue(answer.header("Location").endsWith("/api/v1/users/" + user.getInt("id")), answer.header("Location"));
        assertEquals(name, user.getString("username"));
        assertEquals(name + "@example.com", user.getString("email"));
        assertTrue(user.getBoolean("is_admin"));
        assertTrue(user.getBoolean("is_active"));
        assertTrue(user.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), user.getString("created_at"));
        assertEquals(user, api.get(answer.header("Location"), admin).json(), "Location leads to the same user");
        assertEquals(200, api.get("hello", api.login(name, "password-1")).status());
    }

    @Test
    void isAdminDefaultsToFalse() {
        String name = Api.uniqueUsername("u");
        Api.Answer answer = api.post("register", "{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.com\",\"password\":\"password-1\"}", admin);
        assertEquals(201, answer.status(), answer::toString);
        assertFalse(answer.json().getBoolean("is_admin"));
    }

    @Test
    void noAnswerEverContainsAPasswordOrAHash() {
        JsonObject user = api.createUser(admin, "password-1", false);
        for (Api.Answer answer : new Api.Answer[] {api.get("users", admin), api.get("users/" + user.getInt("id"), admin),
                api.put("users/" + user.getInt("id"), "{\"password\":\"password-2\"}", admin)}) {
            assertFalse(answer.body().contains("password"), answer::toString);
            assertFalse(answer.body().contains("$2a$"), answer::toString);
        }
    }

    @Test
    void duplicatesAre409RegardlessOfCase() {
        JsonObject existing = api.createUser(admin, "password-1", false);
        String name = existing.getString("username");

        Api.Answer sameName = api.post("register", newUser(name.toUpperCase(), Api.uniqueUsername("u") + "@example.com", "password-1", false), admin);
        Api.Answer sameEmail = api.post("register", newUser(Api.uniqueUsername("u"), existing.getString("email").toUpperCase(), "password-1", false), admin);

        assertEquals(409, sameName.status(), sameName::toString);
        assertTrue(sameName.json().getString("detail").contains("username"));
        assertEquals(409, sameEmail.status(), sameEmail::toString);
        assertTrue(sameEmail.json().getString("detail").contains("email"));
    }

    @Test
    void changingTheEmailToAnotherUsersIs409() {
        JsonObject first = api.createUser(admin, "password-1", false);
        JsonObject second = api.createUser(admin, "password-1", false);
        Api.Answer answer = api.put("users/" + second.getInt("id"), "{\"email\":\"" + first.getString("email") + "\"}", admin);
        assertEquals(409, answer.status(), answer::toString);
        assertEquals(second.getString("email"), api.get("users/" + second.getInt("id"), admin).json().getString("email"), "nothing changed");
    }

    @Test
    void validationNamesEveryBadField() {
        assertBadField(newUser("ab", Api.uniqueUsername("u") + "@example.com", "password-1", false), "username");
        assertBadField(newUser("a".repeat(51), Api.uniqueUsername("u") + "@example.com", "password-1", false), "username");
        assertBadField(newUser("bad name!", Api.uniqueUsername("u") + "@example.com", "password-1", false), "username");
        assertBadField(newUser(Api.uniqueUsername("u"), "not-an-email", "password-1", false), "email");
        assertBadField(newUser(Api.uniqueUsername("u"), "user@localhost", "password-1", false), "email");
        assertBadField(newUser(Api.uniqueUsername("u"), Api.uniqueUsername("u") + "@example.com", "seven77", false), "password");
        // 73 bytes: BCrypt would silently ignore the last one, so it is refused instead.
        assertBadField(newUser(Api.uniqueUsername("u"), Api.uniqueUsername("u") + "@example.com", "p".repeat(73), false), "password");
        assertBadField(newUser(Api.uniqueUsername("u"), Api.uniqueUsername("u") + "@example.com", "€".repeat(25), false), "password");
        assertBadField("{\"email\":\"x@example.com\",\"password\":\"password-1\"}", "username");
    }

    @Test
    void acceptsTheLongestPasswordBcryptCanHash() {
        String name = Api.uniqueUsername("u");
        String password = "€".repeat(24);
        assertEquals(201, api.post("register", newUser(name, name + "@example.com", password, false), admin).status());
        assertEquals(200, api.get("hello", api.login(name, password)).status());
    }

    @Test
    void listsUsersInIdOrder() {
        JsonObject first = api.createUser(admin, "password-1", false);
        JsonObject second = api.createUser(admin, "password-1", false);
        List<JsonObject> users = api.everyUser(admin);
        List<Integer> ids = users.stream().map(user -> user.getInt("id")).toList();
        assertEquals(ids.stream().sorted().toList(), ids, "in id order");
        assertEquals("admin", users.get(0).getString("username"), "the first user has the smallest id");
        assertTrue(ids.indexOf(first.getInt("id")) >= 0 && ids.indexOf(first.getInt("id")) < ids.indexOf(second.getInt("id")), ids::toString);
    }

    @Test
    void unknownIdsAre404ForEveryMethod() {
        for (Api.Answer answer : new Api.Answer[] {api.get("users/999999", admin),
                api.put("users/999999", "{\"is_active\":true}", admin), api.delete("users/999999", admin)}) {
            assertEquals(404, answer.status(), answer::toString);
            assertEquals(Api.PROBLEM_JSON, answer.mediaType());
        }
        assertEquals(404, api.get("users/not-a-number", admin).status());
    }

    @Test
    void updatingChangesOnlyTheFieldsGiven() {
        JsonObject user = api.createUser(admin, "password-1", false);
        String path = "users/" + user.getInt("id");

        JsonObject updated = api.put(path, "{\"is_admin\":true}", admin).json();

        assertTrue(updated.getBoolean("is_admin"));
        assertEquals(user.getString("email"), updated.getString("email"));
        assertEquals(user.getString("created_at"), updated.getString("created_at"));
        assertEquals(updated, api.get(path, admin).json());
        assertEquals(200, api.get("hello", api.login(user.getString("username"), "password-1")).status(), "password unchanged");
    }

    @Test
    void deletingAnswers204AndTheUserIsGone() {
        JsonObject user = api.createUser(admin, "password-1", false);
        assertEquals(204, api.delete("users/" + user.getInt("id"), admin).status());
        assertEquals(404, api.get("users/" + user.getInt("id"), admin).status());
        assertEquals(401, api.post("auth/login", "{\"username\":\"" + user.getString("username") + "\",\"password\":\"password-1\"}", null).status());
    }

    @Test
    void nonAdminsAreForbiddenEverywhereAdministrative() {
        JsonObject user = api.createUser(admin, "password-1", false);
        String token = api.login(user.getString("username"), "password-1");
        for (Api.Answer answer : new Api.Answer[] {api.get("users", token), api.get("users/1", token),
                api.put("users/" + user.getInt("id"), "{\"is_admin\":true}", token), api.delete("users/1", token),
                api.post("register", newUser(Api.uniqueUsername("u"), Api.uniqueUsername("u") + "@example.com", "password-1", true), token)}) {
            assertEquals(403, answer.status(), answer::toString);
            assertEquals(Api.PROBLEM_JSON, answer.mediaType());
        }
        assertFalse(api.get("users/" + user.getInt("id"), admin).json().getBoolean("is_admin"));
    }

    @Test
    void meAnswersTheCallersOwnAccount() {
        JsonObject user = api.createUser(admin, "password-1", false);
        Api.Answer me = api.get("me", api.login(user.getString("username"), "password-1"));
        assertEquals(200, me.status());
        assertEquals(Api.withoutLastLogin(user), Api.withoutLastLogin(me.json()));
    }

    private void assertBadField(String json, String field) {
        Api.Answer answer = api.post("register", json, admin);
        assertEquals(400, answer.status(), answer::toString);
        assertEquals(Api.PROBLEM_JSON, answer.mediaType());
        assertEquals(400, answer.json().getInt("status"));
        assertTrue(answer.json().getJsonArray("errors").stream().map(JsonObject.class::cast)
                .anyMatch(error -> field.equals(error.getString("field"))), answer::toString);
    }

    static String newUser(String username, String email, String password, boolean admin) {
        return Json.createObjectBuilder().add("username", username).add("email", email).add("password", password)
                .add("is_admin", admin).build().toString();
    }
}
