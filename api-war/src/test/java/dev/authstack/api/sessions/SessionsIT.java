package dev.authstack.api.sessions;

import com.nimbusds.jwt.SignedJWT;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import dev.authstack.it.Api;
import dev.authstack.it.Eventually;
import dev.authstack.it.SecondInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions as an attacker meets them: refresh tokens that rotate and betray their reuse, refreshes racing each other
 * and the ending of their session on two instances, garbage in place of a refresh token, and the self-service and
 * administrator endpoints that end sessions.
 */
class SessionsIT {

    static final String PASSWORD = "session-password-1";
    static final Api api = Api.ofTestStack();
    static Api other;
    static String admin;

    @BeforeAll
    static void twoInstances() {
        other = SecondInstance.shared().api();
        admin = api.loginAsAdmin();
    }

    /** The tokens of one login or refresh. */
    record Tokens(String access, String refresh, JsonObject answer) {
        String sessionId() {
            try {
                return SignedJWT.parse(access).getJWTClaimsSet().getStringClaim("sid");
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Tokens login(String username) {
        Api.Answer answer = api.post("auth/login", credentials(username, PASSWORD), null);
        assertEquals(200, answer.status(), answer::toString);
        return tokens(answer);
    }

    static Api.Answer refresh(Api on, String refreshToken) {
        return on.post("auth/refresh", Json.createObjectBuilder().add("refresh_token", refreshToken).build().toString(), null);
    }

    static Tokens tokens(Api.Answer answer) {
        JsonObject json = answer.json();
        return new Tokens(json.getString("access_token"), json.getString("refresh_token"), json);
    }

    static String newUser() {
        return api.createUser(admin, PASSWORD, false).getString("username");
    }

    @Test
    void aLoginStartsASessionThatRefreshesWithANewTokenEachTime() {
        Tokens first = login(newUser());
        assertTrue(first.refresh().matches("[A-Za-z0-9_-]{75}"), "session, generation and MAC in base64url: " + first.refresh().length());
        assertEquals(300, first.answer().getJsonNumber("expires_in").longValue());
        assertEquals(14 * 86400, first.answer().getJsonNumber("refresh_expires_in").longValue(), 5);
        assertTrue(first.answer().getString("access_token").split("\\.").length == 3);

        Api.Answer refreshed = refresh(api, first.refresh());
        assertEquals(200, refreshed.status(), refreshed::toString);
        assertEquals("no-store", refreshed.header("Cache-Control"));
        Tokens second = tokens(refreshed);
        assertNotEquals(first.refresh(), second.refresh());
        assertNotEquals(first.access(), second.access());
        assertEquals(first.sessionId(), second.sessionId(), "the same session");
        assertEquals(200, api.get("hello", second.access()).status());
        // Refreshing again and again keeps working: each token once.
        Tokens third = tokens(refresh(other, second.refresh()));
        assertEquals(200, other.get("hello", third.access()).status());
    }

    @Test
    void aSpentRefreshTokenPresentedAgainEndsTheWholeSession() {
        String username = newUser();
        Tokens first = login(username);
        Tokens second = tokens(refresh(api, first.refresh()));
        Tokens third = tokens(refresh(api, second.refresh()));
        assertEquals(200, api.get("hello", third.access()).status());

        // Spent two refreshes ago: however long ago a token was spent, it is still known as spent.
        Api.Answer reuse = refresh(other, first.refresh());
        Api.assertProblem(reuse, 401);
        assertEquals("urn:problem-type:auth-stack:invalid-refresh-token", reuse.json().getString("type"));
        // The family is revoked: the token that replaced the reused one, and every access token the session issued.
        Api.assertProblem(refresh(api, third.refresh()), 401);
        for (Api on : List.of(api, other)) {
            for (String access : List.of(first.access(), second.access(), third.access())) {
                Api.Answer refused = Eventually.until(Duration.ofSeconds(2), () -> on.get("hello", access), got -> got.status() == 401);
                assertEquals(401, refused.status(), refused::toString);
            }
        }
        String audit = api.get("audit-events?type=refresh_token_reused&username=" + username, admin).body();
        assertTrue(audit.contains(first.sessionId()), audit);
        // Another login still works: reuse ends a session, not the account.
        assertEquals(200, api.get("hello", login(username).access()).status());
    }

    @Test
    void twoRefreshesOfOneTokenOnTwoInstancesGiveExactlyOneSuccess() throws Exception {
        String username = newUser();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                Tokens tokens = login(username);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Api.Answer>> answers = new ArrayList<>();
                for (Api on : List.of(api, other)) {
                    answers.add(clients.submit(() -> {
                        go.await();
                        return refresh(on, tokens.refresh());
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Api.Answer> answer : answers) {
                    statuses.add(answer.get().status());
                }
                assertEquals(List.of(200, 401), statuses.stream().sorted().toList(), "round " + round);
                // The loser's try was reuse: the winner's new tokens die with the session.
                Tokens winner = tokens(answers.stream().map(this::get).filter(answer -> answer.status() == 200).findFirst().orElseThrow());
                Api.assertProblem(refresh(api, winner.refresh()), 401);
                for (Api on : List.of(api, other)) {
                    assertEquals(401, Eventually.until(Duration.ofSeconds(2), () -> on.get("hello", winner.access()),
                            got -> got.status() == 401).status());
                }
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void noTokenSurvivesARefreshStormRacingLogoutEverywhere() throws Exception {
        stormAgainst((username, userId, tokens) -> api.delete("me/sessions", tokens.access()));
    }

    @Test
    void noTokenSurvivesARefreshStormRacingADeactivation() throws Exception {
        stormAgainst((username, userId, tokens) -> api.put("users/" + userId, "{\"is_active\":false}", admin));
    }

    @Test
    void noTokenSurvivesARefreshStormRacingAnAdministratorEndingTheSessions() throws Exception {
        stormAgainst((username, userId, tokens) -> api.delete("users/" + userId + "/sessions", admin));
    }

    interface Ending {
        Api.Answer end(String username, long userId, Tokens tokens);
    }

    /**
     * Four sessions of one user keep refreshing, half on each instance, while the ending happens; afterwards no token
     * any of them got works, on either instance.
     */
    void stormAgainst(Ending ending) throws Exception {
        JsonObject user = api.createUser(admin, PASSWORD, false);
        String username = user.getString("username");
        long userId = user.getJsonNumber("id").longValue();
        List<Tokens> sessions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sessions.add(login(username));
        }
        List<Tokens> seen = java.util.Collections.synchronizedList(new ArrayList<>(sessions));
        ExecutorService clients = Executors.newFixedThreadPool(sessions.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> refreshers = new ArrayList<>();
        try {
            for (int i = 0; i < sessions.size(); i++) {
                Api on = i % 2 == 0 ? api : other;
                Tokens start = sessions.get(i);
                refreshers.add(clients.submit(() -> {
                    go.await();
                    Tokens current = start;
                    int refreshes = 0;
                    for (int n = 0; n < 15; n++) {
                        Api.Answer answer = refresh(on, current.refresh());
                        if (answer.status() != 200) {
                            Api.assertProblem(answer, 401);
                            break;
                        }
                        current = tokens(answer);
                        seen.add(current);
                        refreshes++;
                    }
                    return refreshes;
                }));
            }
            go.countDown();
            Api.Answer ended = ending.end(username, userId, sessions.get(0));
            assertTrue(ended.status() == 200 || ended.status() == 204, ended::toString);
            for (Future<Integer> refresher : refreshers) {
                refresher.get();
            }
        } finally {
            clients.shutdownNow();
        }
        List<String> surviving = new ArrayList<>();
        for (Tokens tokens : seen) {
            for (Api on : List.of(api, other)) {
                int status = Eventually.until(Duration.ofSeconds(2), () -> on.get("hello", tokens.access()).status(), got -> got == 401);
                if (status != 401) {
                    surviving.add("access " + status);
                }
            }
            if (refresh(api, tokens.refresh()).status() != 401) {
                surviving.add("refresh");
            }
        }
        assertEquals(List.of(), surviving, seen.size() + " token pairs checked");
    }

    @Test
    void garbageInPlaceOfARefreshTokenIsAnOrdinaryProblemNeverA5xx() {
        Random random = new Random(20261201);
        List<String> texts = new ArrayList<>(List.of("", " ", "\u0000", "null", "a".repeat(75), "=".repeat(75), "A".repeat(75),
                "%00".repeat(15), "\u202e" + "x".repeat(42), "../../etc/passwd", "x".repeat(1024)));
        for (int i = 0; i < 60; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            texts.add(i % 3 == 0 ? Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[56]).substring(0, 75 - (i % 2))
                    : i % 3 == 1 ? Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
                    : random.ints(random.nextInt(80), 0, 0x3000).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                            StringBuilder::append).toString());
        }
        for (String text : texts) {
            Api.Answer answer = refresh(api, text);
            assertTrue(answer.status() == 401 || answer.status() == 400, text + ": " + answer);
            Api.assertProblem(answer, answer.status());
        }
        for (String body : List.of("{}", "{\"refresh_token\":null}", "{\"refresh_token\":42}", "{\"refresh_token\":[\"a\"]}",
                "{\"refresh_token\":{}}", "[]", "\"token\"", "{\"refresh_token\":\"" + "x".repeat(2000) + "\"}")) {
            Api.assertProblem(api.post("auth/refresh", body, null), 400);
        }
        // A well-formed token nobody issued: the same 401 as a spent or expired one.
        byte[] unknown = new byte[56];
        random.nextBytes(unknown);
        Api.Answer stranger = refresh(api, Base64.getUrlEncoder().withoutPadding().encodeToString(unknown));
        Api.assertProblem(stranger, 401);
        assertEquals("urn:problem-type:auth-stack:invalid-refresh-token", stranger.json().getString("type"));
    }

    @Test
    void logoutEndsTheSessionWithItsRefreshToken() {
        Tokens tokens = login(newUser());
        assertEquals(200, api.post("auth/logout", "", tokens.access()).status());
        Api.assertProblem(refresh(api, tokens.refresh()), 401);
        assertEquals(401, Eventually.until(Duration.ofSeconds(2), () -> other.get("hello", tokens.access()).status(), got -> got == 401));
    }

    @Test
    void aUserSeesTheirSessionsAndEndsOneOrAll() {
        String username = newUser();
        Tokens laptop = login(username);
        Api.Answer phoneLogin = api.send(api.request("auth/login", null).header("User-Agent", "Phone/1.0")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials(username, PASSWORD))));
        Tokens phone = tokens(phoneLogin);

        List<JsonObject> listed = api.get("me/sessions", laptop.access()).jsonArray().getValuesAs(JsonObject.class);
        assertEquals(Set.of(laptop.sessionId(), phone.sessionId()), listed.stream().map(s -> s.getString("id")).collect(Collectors.toSet()));
        Map<String, JsonObject> byId = listed.stream().collect(Collectors.toMap(s -> s.getString("id"), s -> s));
        assertTrue(byId.get(laptop.sessionId()).getBoolean("current"));
        assertFalse(byId.get(phone.sessionId()).getBoolean("current"));
        assertEquals("Phone/1.0", byId.get(phone.sessionId()).getString("user_agent"));

        // Someone else's session, or no session at all: the same 404.
        String othersSession = login(newUser()).sessionId();
        Api.assertProblem(api.delete("me/sessions/" + othersSession, laptop.access()), 404);
        Api.assertProblem(api.delete("me/sessions/not-a-session", laptop.access()), 404);

        assertEquals(204, api.delete("me/sessions/" + phone.sessionId(), laptop.access()).status());
        assertEquals(401, Eventually.until(Duration.ofSeconds(2), () -> other.get("hello", phone.access()).status(), got -> got == 401));
        Api.assertProblem(refresh(api, phone.refresh()), 401);
        assertEquals(200, api.get("hello", laptop.access()).status(), "the other session goes on");

        assertEquals(204, api.delete("me/sessions", laptop.access()).status());
        assertEquals(401, Eventually.until(Duration.ofSeconds(2), () -> other.get("hello", laptop.access()).status(), got -> got == 401));
        Api.assertProblem(refresh(api, laptop.refresh()), 401);
    }

    @Test
    void changingTheOwnPasswordEndsEverySessionAndAnswersANewOne() {
        String username = newUser();
        Tokens here = login(username);
        Tokens elsewhere = login(username);

        Api.Answer wrong = api.put("me/password", passwordChange("not-my-password", "a new passphrase 1"), here.access());
        Api.assertProblem(wrong, 403);
        Api.assertProblem(api.put("me/password", passwordChange(PASSWORD, "short"), here.access()), 400);

        Api.Answer changed = api.put("me/password", passwordChange(PASSWORD, "a new passphrase 1"), here.access());
        assertEquals(200, changed.status(), changed::toString);
        Tokens fresh = tokens(changed);
        assertNotEquals(here.sessionId(), fresh.sessionId());
        Api.Answer hello = other.get("hello", fresh.access());
        assertEquals(200, hello.status(), hello::toString);
        for (Tokens old : List.of(here, elsewhere)) {
            assertEquals(401, Eventually.until(Duration.ofSeconds(2), () -> other.get("hello", old.access()).status(), got -> got == 401));
            Api.assertProblem(refresh(api, old.refresh()), 401);
        }
        Api.assertProblem(api.post("auth/login", credentials(username, PASSWORD), null), 401);
        assertEquals(200, api.post("auth/login", credentials(username, "a new passphrase 1"), null).status());
    }

    @Test
    void aWrongCurrentPasswordCountsAsAFailedLogin() {
        String username = newUser();
        Tokens tokens = login(username);
        int answered429 = 0;
        for (int i = 0; i < 7; i++) {
            int status = api.put("me/password", passwordChange("wrong-" + i, "a new passphrase 1"), tokens.access()).status();
            assertTrue(status == 403 || status == 429, "attempt " + i + ": " + status);
            answered429 += status == 429 ? 1 : 0;
        }
        assertTrue(answered429 > 0, "the account's throttle counted the wrong passwords");
        Api.assertProblem(api.post("auth/login", credentials(username, PASSWORD), null), 429);
    }

    @Test
    void administratorsSeeAndEndAUsersSessions() {
        JsonObject user = api.createUser(admin, PASSWORD, false);
        long id = user.getJsonNumber("id").longValue();
        Tokens tokens = login(user.getString("username"));
        List<JsonObject> listed = api.get("users/" + id + "/sessions", admin).jsonArray().getValuesAs(JsonObject.class);
        assertEquals(List.of(tokens.sessionId()), listed.stream().map(s -> s.getString("id")).toList());
        Api.assertProblem(api.get("users/" + id + "/sessions", tokens.access()), 403);
        Api.assertProblem(api.delete("users/" + id + "/sessions", tokens.access()), 403);
        Api.assertProblem(api.get("users/999999/sessions", admin), 404);

        assertEquals(204, api.delete("users/" + id + "/sessions", admin).status());
        assertEquals(401, Eventually.until(Duration.ofSeconds(2), () -> other.get("hello", tokens.access()).status(), got -> got == 401));
        Api.assertProblem(refresh(api, tokens.refresh()), 401);
        assertEquals(List.of(), api.get("users/" + id + "/sessions", admin).jsonArray().getValuesAs(JsonObject.class));
    }

    @Test
    void aDeactivatedUsersSessionsStayEndedWhenTheUserComesBack() {
        JsonObject user = api.createUser(admin, PASSWORD, false);
        long id = user.getJsonNumber("id").longValue();
        Tokens tokens = login(user.getString("username"));
        assertEquals(200, api.put("users/" + id, "{\"is_active\":false}", admin).status());
        Api.assertProblem(refresh(api, tokens.refresh()), 401);
        assertEquals(200, api.put("users/" + id, "{\"is_active\":true}", admin).status());
        Api.assertProblem(refresh(api, tokens.refresh()), 401);
    }

    @Test
    void refreshFailuresAreThrottledPerAddress() {
        try (SecondInstance strict = SecondInstance.start(Map.of("LOGIN_ADDRESS_FAILURES", "3"))) {
            Api on = strict.api();
            String address = "198.51.100." + (1 + new Random().nextInt(250));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                statuses.add(on.send(on.request("auth/refresh", null).header("X-Forwarded-For", address)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"refresh_token\":\"" + "A".repeat(43) + "\"}"))).status());
            }
            assertEquals(List.of(401, 401, 401, 429, 429), statuses);
        }
    }

    private Api.Answer get(Future<Api.Answer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String credentials(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }

    static String passwordChange(String current, String next) {
        return Json.createObjectBuilder().add("current_password", current).add("new_password", next).build().toString();
    }
}
