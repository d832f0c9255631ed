package dev.authstack.api.users.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.authstack.it.Api;
import dev.authstack.it.Garbage;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /users at scale: bounded pages (limit), a keyset cursor announced in a Link header, and the prefix search (q).
 * The users these tests page through are written straight into PostgreSQL, many at once; those the tests create or
 * delete while a walk is under way go through the API, as an administrator's would.
 */
class UsersPagesIT {

    /** A valid BCrypt hash of nothing anyone types: nobody logs in as the users inserted here. */
    static final String HASH = "$2a$10$" + "a".repeat(53);

    final Api api = Api.ofTestStack();
    final String admin = api.loginAsAdmin();

    /** Each test's users share a prefix of their own: "p" and 11 random characters, lower case. */
    static String prefix() {
        return "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
    }

    @BeforeAll
    static void moreUsersThanOnePage() {
        String bulk = prefix();
        TestStack.get().psql("INSERT INTO users (username, email, password_hash) SELECT '" + bulk + "' || n, '" + bulk
                + "' || n || '@example.com', '" + HASH + "' FROM generate_series(1, 120) n");
    }

    /** Inserts users named prefix + each suffix; answers their ids by suffix. */
    static Map<String, Long> insert(String prefix, List<String> suffixes, String emailPrefix) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String suffix : suffixes) {
            String id = TestStack.get().psql("INSERT INTO users (username, email, password_hash) VALUES ('" + prefix + suffix + "', '"
                    + emailPrefix + suffix + "@example.com', '" + HASH + "') RETURNING id").strip();
            ids.put(suffix, Long.valueOf(id));
        }
        return ids;
    }

    @Test
    void answersFiftyByDefaultAndAtMostTheLimit() {
        Api.Answer first = api.get("users", admin);
        assertEquals(200, first.status(), first::toString);
        assertEquals(50, first.jsonArray().size());
        assertNotNull(Api.nextPage(first), "more users than one page");
        assertEquals(7, api.get("users?limit=7", admin).jsonArray().size());
        assertEquals(1, api.get("users?limit=1", admin).jsonArray().size());
        Api.Answer most = api.get("users?limit=500", admin);
        assertEquals(200, most.status(), most::toString);
        assertTrue(most.jsonArray().size() <= 500 && most.jsonArray().size() > 120, () -> String.valueOf(most.jsonArray().size()));
    }

    @Test
    void announcesTheNextPageWithAnAbsoluteLinkAndNoneOnTheLast() {
        String p = prefix();
        Map<String, Long> ids = insert(p, List.of("a", "b", "c", "d", "e"), "e" + p);

        Api.Answer first = api.get("users?limit=2&q=" + p, admin);
        String link = first.header("Link");
        String base = TestStack.get().apiUri() + "users?";
        assertTrue(link.matches("<" + java.util.regex.Pattern.quote(base) + "[^>]+>; ?rel=\"next\""), link);
        List<Long> seen = new ArrayList<>(idsOf(first));
        String next = Api.nextPage(first);
        assertTrue(next.contains("limit=2") && next.contains("q=" + p), "the next page keeps the limit and the search: " + next);
        int pages = 1;
        while (next != null) {
            Api.Answer page = api.get(next, admin);
            assertEquals(200, page.status(), page::toString);
            seen.addAll(idsOf(page));
            next = Api.nextPage(page);
            pages++;
        }
        assertEquals(List.copyOf(ids.values()), seen);
        assertEquals(3, pages);
        assertNull(api.get("users?limit=5&q=" + p, admin).header("Link"), "five users fit a page of five: no next page");
        assertNull(api.get("users?q=" + p, admin).header("Link"));
    }

    @Test
    void aSearchMatchesUsernameAndEmailPrefixesRegardlessOfCaseAndTakesWildcardsLiterally() {
        String p = prefix();
        long underscore = insert(p, List.of("_x1"), "m" + p + "%").get("_x1");
        long plain = insert(p, List.of("ax2"), "m" + p + "a").get("ax2");
        long mixed = insert("z" + p, List.of("x3"), "Mixed" + p).get("x3");

        assertEquals(Set.of(underscore, plain), search(p.toUpperCase()), "username prefix, any case");
        assertEquals(Set.of(underscore), search(p + "_"), "_ is an underscore, not any character");
        assertEquals(Set.of(underscore), search("m" + p + "%"), "% is a percent sign, not anything");
        assertEquals(Set.of(), search(p + "%"), "nobody's name goes on with a percent sign");
        assertEquals(Set.of(underscore, plain), search("M" + p), "e-mail prefix, any case");
        assertEquals(Set.of(mixed), search("MIXED" + p.toUpperCase()));
        assertEquals(Set.of(mixed), search("mixed" + p + "x3@EXAMPLE.COM"), "the whole address");
        assertEquals(Set.of(), search(p.substring(1)), "a prefix, not any part");
        assertEquals(Set.of(), search(p + "\\"));
        assertEquals(Set.of(), search(p + "!"), "the escape character is a character too");
        assertEquals(Set.of(), search("a".repeat(254)), "the longest search there can be");
    }

    /** The search runs on the text_pattern_ops indexes: the planner may use them for exactly the query UserStore makes. */
    @Test
    void theSearchCanUseItsIndexes() {
        String plan = TestStack.get().psql("SET enable_seqscan = off; EXPLAIN SELECT id FROM users WHERE lower(username) LIKE 'ab!_c%' "
                + "ESCAPE '!' OR lower(email) LIKE 'ab!_c%' ESCAPE '!'");
        assertTrue(plan.contains("users_username_prefix") && plan.contains("users_email_prefix"), plan);
    }

    @Test
    void refusesBadParametersWithAProblemNamingThem() {
        for (String limit : List.of("0", "501", "-1", "abc", "", "%205", "5%20", "1e2", "050", "+5", "5.0", "99999999999999999999", "%D9%A5")) {
            assertBadParameter("limit=" + limit, "limit");
        }
        for (String cursor : List.of("", "abc", "41", "dXNlcnM6MA", "dXNlcnM6LTE", "ZXZlbnRzOjQx", "a".repeat(41), "%00", "dXNlcnM6NTA=",
                "dXNlcnM6NTA%0a", "%7Bx%7D")) {
            assertBadParameter("cursor=" + cursor, "cursor");
        }
        for (String q : List.of("%00", "a%00b", "%0a", "%1b", "%7f", "%c2%85", "a".repeat(255))) {
            assertBadParameter("q=" + q, "q");
        }
    }

    /** Generated garbage: a cursor this API did not write is a 400; a search is a 200 or a 400, never anything else. */
    @Test
    void garbageIsNeverAServerError() {
        Garbage.seeded().forAll(150, text -> {
            String value = encoded(text.length() > 300 ? text.substring(0, 300) : text);
            assertBadParameter("cursor=" + value, "cursor");
            if (text.matches("[1-9][0-9]?|[1-4][0-9][0-9]|500")) {
                assertEquals(200, api.get("users?limit=" + value, admin).status());
            } else {
                assertBadParameter("limit=" + value, "limit");
            }
            Api.Answer search = api.get("users?limit=3&q=" + value, admin);
            if (search.status() == 200) {
                search.jsonArray();
            } else {
                Api.assertProblem(search, 400);
                assertTrue(search.json().getString("detail").startsWith("q: "), search::toString);
            }
        });
        for (String raw : List.of("%ff", "%c0%80", "%25", "%5f", "%7Bx%7D", "%7B", "%3E%3B%20rel%3D%22next%22", "%20", "%2B", "%ed%a0%80")) {
            Api.Answer search = api.get("users?limit=1&q=" + raw, admin);
            assertTrue(search.status() == 200 || search.status() == 400, raw + ": " + search);
            assertEquals(Api.PROBLEM_JSON.equals(search.mediaType()), search.status() == 400, raw + ": " + search);
        }
    }

    @Test
    void onlyAdministratorsList() {
        JsonObject user = api.createUser(admin, "password-1", false);
        String token = api.login(user.getString("username"), "password-1");
        for (String query : List.of("users?limit=5", "users?q=a", "users?cursor=garbage", "users?limit=0")) {
            assertEquals(403, api.get(query, token).status(), query);
            assertEquals(401, api.get(query, null).status(), query);
        }
    }

    /**
     * Walks a search page by page while an attacker, between the pages and alongside them, deletes the user the cursor
     * stands on, deletes users the walk has not reached yet and creates new ones. Every user that is there all along is
     * seen exactly once, in id order, no deleted user that the walk had not reached appears, and no user twice.
     */
    @Test
    void aWalkSeesEveryUserOnceWhileUsersComeAndGo() throws InterruptedException {
        String p = prefix();
        List<String> suffixes = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            suffixes.add(String.format("%03d", i));
        }
        Map<String, Long> inserted = insert(p, suffixes, "w" + p);
        // Every third user may be deleted during the walk; the others must all be seen.
        Set<Long> stable = new TreeSet<>();
        List<Long> doomed = new ArrayList<>();
        int i = 0;
        for (long id : inserted.values()) {
            (i++ % 3 == 2 ? doomed : stable).add(id);
        }

        AtomicBoolean walking = new AtomicBoolean(true);
        AtomicInteger churned = new AtomicInteger();
        String churnAdmin = api.loginAsAdmin();
        Thread churn = new Thread(() -> {
            while (walking.get()) {
                JsonObject created = register(p + "c" + churned.incrementAndGet(), churnAdmin);
                api.delete("users/" + created.getInt("id"), churnAdmin);
            }
        }, "churn");
        churn.start();

        List<Long> seen = new ArrayList<>();
        Set<Long> deletedAhead = new HashSet<>();
        int limit = 7;
        String next = "users?limit=" + limit + "&q=" + p;
        try {
            while (next != null) {
                Api.Answer page = api.get(next, admin);
                assertEquals(200, page.status(), page::toString);
                List<Long> ids = idsOf(page);
                next = Api.nextPage(page);
                if (next != null) {
                    assertEquals(limit, ids.size(), "a page with a next page is full");
                }
                seen.addAll(ids);
                long last = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
                // The attacker: the user the cursor stands on goes, and so does the next doomed one ahead.
                if (doomed.contains(last)) {
                    assertEquals(204, api.delete("users/" + last, admin).status());
                }
                doomed.stream().filter(id -> id > last && !deletedAhead.contains(id)).findFirst().ifPresent(id -> {
                    assertEquals(204, api.delete("users/" + id, admin).status());
                    deletedAhead.add(id);
                });
                register(p + "n" + UUID.randomUUID().toString().substring(0, 8), admin);
            }
        } finally {
            walking.set(false);
            churn.join(30_000);
        }

        assertEquals(seen.size(), new HashSet<>(seen).size(), "no user twice: " + seen);
        assertEquals(seen.stream().sorted().toList(), seen, "in id order");
        assertTrue(seen.containsAll(stable), "every user there all along: missing "
                + stable.stream().filter(id -> !seen.contains(id)).toList());
        assertFalse(seen.stream().anyMatch(deletedAhead::contains), "a user deleted before the walk reached it");
        assertTrue(deletedAhead.size() >= 10 && churned.get() > 0, "the attacker did something: " + deletedAhead.size() + ", " + churned.get());
    }

    private JsonObject register(String username, String token) {
        Api.Answer answer = api.post("register", Json.createObjectBuilder().add("username", username)
                .add("email", username + "@example.com").add("password", "password-1").build().toString(), token);
        assertEquals(201, answer.status(), answer::toString);
        return answer.json();
    }

    private Set<Long> search(String q) {
        Set<Long> found = new HashSet<>();
        String next = "users?limit=500&q=" + encoded(q);
        while (next != null) {
            Api.Answer page = api.get(next, admin);
            assertEquals(200, page.status(), () -> q + ": " + page);
            found.addAll(idsOf(page));
            next = Api.nextPage(page);
        }
        return found;
    }

    private void assertBadParameter(String query, String parameter) {
        Api.Answer answer = api.get("users?" + query, admin);
        try {
            Api.assertProblem(answer, 400);
        } catch (AssertionError e) {
            throw new AssertionError(query + ": " + e.getMessage(), e);
        }
        assertTrue(answer.json().getString("detail").startsWith(parameter + ": "), () -> query + ": " + answer);
    }

    private static List<Long> idsOf(Api.Answer page) {
        return page.jsonArray().getValuesAs(JsonObject.class).stream().map(user -> user.getJsonNumber("id").longValue())
                .collect(Collectors.toList());
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
