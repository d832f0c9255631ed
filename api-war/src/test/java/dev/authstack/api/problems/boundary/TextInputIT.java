package dev.authstack.api.problems.boundary;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.function.Function;

import dev.authstack.it.Api;
import dev.authstack.it.Garbage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every string field of every endpoint, with what a person cannot type: control characters (NUL first: PostgreSQL
 * refuses it) and unpaired surrogates are a 400 naming the field, before anything reaches the database; generated
 * garbage is never a server error and always a problem document.
 */
class TextInputIT {

    static final Api api = Api.ofTestStack();
    static String admin;
    static JsonObject user;

    /** Each endpoint's valid body, as a template whose one field is replaced by the test. */
    record Field(String name, String method, Function<String, String> body) {
    }

    static List<Field> fields() {
        String path = "users/" + user.getInt("id");
        return List.of(
                new Field("username", "POST auth/login", value -> "{\"username\":" + value + ",\"password\":\"whatever-password\"}"),
                new Field("password", "POST auth/login", value -> "{\"username\":\"text-input-nobody\",\"password\":" + value + "}"),
                new Field("username", "POST register", value -> "{\"username\":" + value + ",\"email\":\"t@example.com\",\"password\":\"long-enough-password\"}"),
                new Field("email", "POST register", value -> "{\"username\":\"text_input\",\"email\":" + value + ",\"password\":\"long-enough-password\"}"),
                new Field("password", "POST register", value -> "{\"username\":\"text_input\",\"email\":\"t@example.com\",\"password\":" + value + "}"),
                new Field("email", "PUT " + path, value -> "{\"email\":" + value + "}"),
                new Field("password", "PUT " + path, value -> "{\"password\":" + value + "}"));
    }

    @BeforeAll
    static void aUserToChange() {
        admin = api.loginAsAdmin();
        user = api.createUser(admin, "original-password", false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0001", "\u0009", "\n", "\u001b", "\u001f", "\u007f", "\u0085", "\u009f", "\ud800", "\udfff"})
    void everyFieldRefusesControlCharactersAndUnpairedSurrogatesNamingTheField(String bad) {
        for (Field field : fields()) {
            String value = Garbage.json("abc" + bad + "defghijk@example.com");
            Api.Answer answer = send(field, value);
            assertEquals(400, answer.status(), field + " " + answer);
            assertEquals(Api.PROBLEM_JSON, answer.mediaType());
            assertTrue(answer.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .anyMatch(error -> error.getString("field").equals(field.name())), field + " " + answer);
        }
        assertEquals(200, api.get("users/" + user.getInt("id"), admin).status(), "nothing was lost");
    }

    @Test
    void aPairedSurrogateIsText() {
        Api.Answer answer = api.put("users/" + user.getInt("id"), "{\"password\":" + Garbage.json("p\ud83d\udd11ssword-long") + "}", admin);
        assertEquals(200, answer.status(), answer::toString);
    }

    @Test
    void generatedGarbageIsNeverAServerErrorAndAlwaysAProblem() {
        Garbage garbage = Garbage.seeded();
        for (Field field : fields()) {
            garbage.forAll(25, text -> {
                Api.Answer answer = send(field, Garbage.json(text));
                assertTrue(answer.status() < 500, field + " " + answer);
                if (answer.status() >= 400) {
                    assertEquals(Api.PROBLEM_JSON, answer.mediaType(), field + " " + answer);
                    assertEquals(answer.status(), answer.json().getInt("status"));
                }
            });
        }
    }

    private static Api.Answer send(Field field, String value) {
        String[] methodAndPath = field.method().split(" ");
        String body = field.body().apply(value);
        String token = methodAndPath[1].equals("auth/login") ? null : admin;
        return switch (methodAndPath[0]) {
            case "POST" -> api.post(methodAndPath[1], body, token);
            default -> api.put(methodAndPath[1], body, token);
        };
    }

}
