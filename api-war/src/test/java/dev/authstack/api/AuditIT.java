package dev.authstack.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.authstack.it.Api;
import dev.authstack.it.TestStack;
import dev.authstack.it.Eventually;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit trail records who did what from where, never a secret, and answers administrators page by page. */
class AuditIT {

    static final Api api = Api.ofTestStack();
    static final String PASSWORD = "audited-password";
    static final String ADDRESS = "203.0.113.77";
    static String admin;
    static JsonObject user;
    static String username;
    static String token;

    /** One of everything, for one user of its own. */
    @BeforeAll
    static void history() {
        admin = api.loginAsAdmin();
        user = api.createUser(admin, PASSWORD, false);
        username = user.getString("username");
        awaitEvents("username=" + username, events -> events.size() == 1);
        assertEquals(401, login(username, "wrong-password").status());
        awaitEvents("username=" + username, events -> events.size() == 2);
        assertEquals(200, api.put("users/" + user.getInt("id"), "{\"email\":\"moved-" + username + "@example.com\",\"password\":\"another-audited-password\"}", admin).status());
        Api.Answer login = login(username, "another-audited-password");
        assertEquals(200, login.status());
        token = login.json().getString("access_token");
        awaitEvents("username=" + username, events -> events.size() == 5);
        assertEquals(200, api.post("auth/logout", null, token).status());
        awaitEvents("username=" + username, events -> events.size() >= 6);
    }

    @Test
    void recordsEveryKindWithActorSubjectAddressAndAgent() {
        List<JsonObject> events = events("username=" + username);
        List<String> types = events.stream().map(event -> event.getString("type")).toList();
        assertEquals(List.of("logout", "login_succeeded", "tokens_revoked", "user_updated", "login_failed", "user_created"), types,
                "newest first: " + events);

        JsonObject updated = events.get(3);
        assertEquals("admin", updated.getString("actor_username"));
        assertEquals(username, updated.getString("subject_username"));
        assertEquals("fields: email, password", updated.getString("details"), "which fields, never their values");

        JsonObject succeeded = events.get(1);
        assertEquals(ADDRESS, succeeded.getString("client_address"));
        assertEquals("audit-test-agent/" + "x".repeat(200 - 17), succeeded.getString("user_agent"), "truncated to 200");
        assertEquals("wrong password", events.get(4).getString("details"));
        assertTrue(api.get("users/" + user.getInt("id"), admin).json().containsKey("id"));
    }

    @Test
    void neverHoldsAPasswordHashOrTokenNorAnUnknownName() {
        String lookingLikeAPassword = "MyS3cret-" + System.nanoTime();
        assertEquals(401, login(lookingLikeAPassword, "whatever-it-was").status());
        awaitEvents("type=login_failed", events -> events.stream().anyMatch(event -> !event.containsKey("subject_username")));
        String everything = api.get("audit-events?limit=200", admin).body();
        for (String secret : List.of(PASSWORD, "another-audited-password", "wrong-password", "whatever-it-was", lookingLikeAPassword,
                "$2a$", "$2b$", token, token.split("\\.")[2], TestStack.ADMIN_PASSWORD)) {
            assertFalse(everything.contains(secret), "the trail holds " + secret);
        }
    }

    @Test
    void pagesWithACursorAndFilters() {
        JsonObject first = api.get("audit-events?username=" + username + "&limit=2", admin).json();
        assertEquals(2, first.getJsonArray("events").size());
        String cursor = first.getString("next_cursor");
        JsonObject second = api.get("audit-events?username=" + username + "&limit=2&cursor=" + cursor, admin).json();
        assertTrue(second.getJsonArray("events").getJsonObject(0).getInt("id") < first.getJsonArray("events").getJsonObject(1).getInt("id"));
        JsonObject last = api.get("audit-events?username=" + username + "&limit=100", admin).json();
        assertTrue(last.isNull("next_cursor"));

        assertEquals(List.of("logout"), events("username=" + username + "&type=logout").stream().map(e -> e.getString("type")).toList());
        assertEquals(0, events("username=" + username + "&since=" + Instant.now().plusSeconds(3600)).size());

        for (String bad : List.of("type=nonsense", "limit=0", "limit=201", "since=yesterday", "cursor=abc", "username=%00", "limit=abc", "limit=-1")) {
            Api.Answer answer = api.get("audit-events?" + bad, admin);
            assertEquals(400, answer.status(), bad + " " + answer);
            assertEquals("application/problem+json", answer.contentType().split(";")[0]);
        }
        assertEquals(403, api.get("audit-events", api.login(username, "another-audited-password")).status());
        assertEquals(401, api.get("audit-events", null).status());
    }

    @Test
    void aLoginSucceedsWhenItsEventCannotBeWritten() {
        TestStack.get().psql("ALTER TABLE audit_events RENAME TO audit_events_away");
        try {
            assertEquals(200, login(username, "another-audited-password").status());
        } finally {
            TestStack.get().psql("ALTER TABLE audit_events_away RENAME TO audit_events");
        }
    }

    @Test
    void eventsOlderThanTheRetentionAreRemoved() {
        // RETURNING proves the row went in: counting it afterwards races the sweep, which may already have removed it.
        String id = TestStack.get().psql("INSERT INTO audit_events (occurred_at, type, details) VALUES (now() - interval '91 days', 'logout', 'ancient') RETURNING id").strip();
        assertTrue(id.matches("\\d+"), "inserted: " + id);
        String left = Eventually.until(Duration.ofSeconds(15),
                () -> TestStack.get().psql("SELECT count(*) FROM audit_events WHERE id = " + id).strip(), "0"::equals);
        assertEquals("0", left, "removed by the retention sweep (every 2 s in the tests)");
    }

    private static Api.Answer login(String name, String password) {
        return api.send(api.request("auth/login", null).header("Content-Type", "application/json")
                .header("X-Forwarded-For", ADDRESS).header("User-Agent", "audit-test-agent/" + "x".repeat(300))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}")));
    }

    private static List<JsonObject> events(String query) {
        Api.Answer answer = api.get("audit-events?" + query, admin);
        assertEquals(200, answer.status(), answer::toString);
        JsonArray events = answer.json().getJsonArray("events");
        return new ArrayList<>(events.getValuesAs(JsonObject.class));
    }

    /** Login events are written after the answer: ask until they are there, for at most 10 s. */
    private static void awaitEvents(String query, Predicate<List<JsonObject>> complete) {
        List<JsonObject> events = Eventually.until(Duration.ofSeconds(10), () -> events(query), complete);
        assertTrue(complete.test(events), "events never arrived: " + events);
    }

}
