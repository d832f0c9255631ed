package dev.authstack.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A typed little client for the API under test: one method per HTTP verb, answers with status, headers and JSON. */
public final class Api {

    /** What every error of the API is. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"next\"");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // as curl and browsers talk to a cleartext server; no h2c upgrade
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public Api(URI base) {
        this.base = base;
    }

    public static Api ofTestStack() {
        return new Api(TestStack.get().apiUri());
    }

    public record Answer(int status, HttpResponse<String> response) {

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The Content-Type without its parameters, e.g. {@code application/problem+json}. */
        public String mediaType() {
            String type = contentType();
            return type == null ? null : type.split(";")[0].strip();
        }

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray jsonArray() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body()))) {
                return reader.read();
            } catch (RuntimeException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body(), e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }

    public Answer get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Answer post(String path, String json, String token) {
        return send(withBody(request(path, token), "POST", json));
    }

    public Answer put(String path, String json, String token) {
        return send(withBody(request(path, token), "PUT", json));
    }

    public Answer delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder request, String method, String json) {
        if (json == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    /** Logs in and returns the access token; fails the test when the login does not succeed. */
    public String login(String username, String password) {
        return session(username, password).getString("access_token");
    }

    /** Logs in and returns the whole answer (access and refresh token, the user); fails the test when it does not succeed. */
    public JsonObject session(String username, String password) {
        Answer answer = post("auth/login", Json.createObjectBuilder().add("username", username).add("password", password)
                .build().toString(), null);
        if (answer.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + answer);
        }
        return answer.json();
    }

    public String loginAsAdmin() {
        return login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
    }

    /** A valid username no other test run uses: {@code prefix} and 12 random characters. */
    public static String uniqueUsername(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Fails unless the answer is an RFC 9457 problem of this status, complete and without a stack trace. */
    public static void assertProblem(Answer answer, int status) {
        if (answer.status() != status || !PROBLEM_JSON.equals(answer.mediaType())) {
            throw new AssertionError("expected a " + status + " problem, got " + answer.mediaType() + ": " + answer);
        }
        var json = answer.json();
        if (json.getInt("status") != status || json.getString("type").isBlank() || json.getString("title").isBlank()
                || json.getString("detail").isBlank()) {
            throw new AssertionError("incomplete problem: " + answer);
        }
        if (answer.body().contains("Exception") || answer.body().contains("<html")) {
            throw new AssertionError("a stack trace or an HTML page in the problem: " + answer);
        }
    }

    /** A user of the tests' own, with a unique name; returns the created user's JSON. */
    public JsonObject createUser(String adminToken, String password, boolean admin) {
        String username = uniqueUsername("u");
        Answer answer = post("register", Json.createObjectBuilder()
                .add("username", username)
                .add("email", username + "@example.com")
                .add("password", password)
                .add("is_admin", admin)
                .build().toString(), adminToken);
        if (answer.status() != 201) {
            throw new AssertionError("creating " + username + " failed: " + answer);
        }
        return answer.json();
    }

    /** The URL of the page after this one, from the answer's {@code Link: <url>; rel="next"}; null on the last page. */
    public static String nextPage(Answer answer) {
        for (String link : answer.response().headers().allValues("Link")) {
            Matcher next = NEXT.matcher(link);
            if (next.find()) {
                return next.group(1);
            }
        }
        return null;
    }

    /** Every user, following GET /users's pages to the last. */
    public List<JsonObject> everyUser(String adminToken) {
        List<JsonObject> users = new ArrayList<>();
        String page = "users?limit=500";
        while (page != null) {
            Answer answer = get(page, adminToken);
            if (answer.status() != 200) {
                throw new AssertionError("listing users failed: " + answer);
            }
            users.addAll(answer.jsonArray().getValuesAs(JsonObject.class));
            page = nextPage(answer);
        }
        return users;
    }

    /** A user without last_login_at, which the login that a test makes changes a moment later (it is written after the answer). */
    public static JsonObject withoutLastLogin(JsonObject user) {
        return Json.createObjectBuilder(user).remove("last_login_at").build();
    }
}
