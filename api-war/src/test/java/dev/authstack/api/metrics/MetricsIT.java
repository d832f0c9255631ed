package dev.authstack.api.metrics;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import dev.authstack.it.Api;
import dev.authstack.it.Eventually;
import dev.authstack.it.PrivateRedis;
import dev.authstack.it.PrometheusText;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator's Prometheus reads from {@code /metrics?scope=application}: the counters move by exactly what
 * happened, and the text is Prometheus's exposition format, read strictly ({@link PrometheusText}).
 */
class MetricsIT {

    static final String LOGINS = "auth_logins_total";
    static final String REQUESTS = "auth_requests_total";

    final Api api = Api.ofTestStack();
    final Api root = new Api(TestStack.get().baseUri());

    @Test
    void loginsRefreshesReuseAndLogoutMoveTheirCountersByExactlyWhatHappened() {
        String admin = api.loginAsAdmin();
        String username = api.createUser(admin, "password-1", false).getString("username");
        PrometheusText before = scrape();

        for (int n = 0; n < 5; n++) {
            assertEquals(401, login(username, "wrong-password").status());
        }
        assertEquals(429, login(username, "password-1").status(), "the sixth attempt waits (LOGIN_FREE_FAILURES=5)");
        Eventually.until(Duration.ofSeconds(5), () -> login(username, "password-1"), answer -> answer.status() == 200);
        PrometheusText afterLogins = scrape();
        long throttledWhileWaiting = (long) delta(before, afterLogins, LOGINS, "outcome", "throttled") - 1;
        assertEquals(1, delta(before, afterLogins, LOGINS, "outcome", "succeeded"));
        assertEquals(5, delta(before, afterLogins, LOGINS, "outcome", "failed"));
        assertTrue(throttledWhileWaiting >= 0, "at least the one 429 counted as throttled");
        assertEquals(5 + 1 + throttledWhileWaiting + 1, requests(afterLogins, "POST /auth/login") - requests(before, "POST /auth/login"),
                "every login request is timed under its endpoint");

        JsonObject first = login(username, "password-1").json();
        String spent = first.getString("refresh_token");
        assertEquals(200, refresh(spent).status());
        assertEquals(401, refresh(spent).status(), "a spent refresh token is reuse");
        String other = login(username, "password-1").json().getString("access_token");
        assertEquals(200, api.post("auth/logout", null, other).status());
        // Both ends are announced on the feed, and this instance hears its own announcements.
        PrometheusText after = Eventually.until(Duration.ofSeconds(5), this::scrape,
                now -> delta(afterLogins, now, "auth_revocations_applied_total", "kind", "token") >= 2);

        assertEquals(2, delta(afterLogins, after, LOGINS, "outcome", "succeeded"));
        assertEquals(0, delta(afterLogins, after, LOGINS, "outcome", "failed"));
        assertEquals(1, delta(afterLogins, after, "auth_refreshes_total"));
        assertEquals(1, delta(afterLogins, after, "auth_refresh_token_reuses_total"));
        assertEquals(2, delta(afterLogins, after, "auth_revocations_published_total", "kind", "token"),
                "the session ended by reuse and the one logged out");
        assertEquals(2, delta(afterLogins, after, "auth_revocations_applied_total", "kind", "token"));
        assertEquals(0, delta(afterLogins, after, "auth_revocations_published_total", "kind", "stamp"));
        assertEquals(2, requests(after, "POST /auth/refresh") - requests(afterLogins, "POST /auth/refresh"));
        assertEquals(1, requests(after, "POST /auth/logout") - requests(afterLogins, "POST /auth/logout"));
        assertEquals(0, delta(before, after, "auth_backend_unavailable_total", "backend", "redis"));
        assertEquals(0, delta(before, after, "auth_backend_unavailable_total", "backend", "postgresql"));
    }

    /** Counters shared by every request thread: an increment lost to a race would show here as a count short. */
    @Test
    void loginsFromManyClientsAtOnceAreEachCountedOnce() throws Exception {
        int clients = 8;
        int rounds = 10;
        String admin = api.loginAsAdmin();
        List<String> usernames = new ArrayList<>();
        for (int n = 0; n < clients; n++) {
            usernames.add(api.createUser(admin, "password-1", false).getString("username"));
        }
        PrometheusText before = scrape();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Integer>>> answers = new ArrayList<>();
            for (int n = 0; n < clients; n++) {
                String username = usernames.get(n);
                // An address of each client's own (the test stack trusts X-Forwarded-For from here), so that no
                // address budget runs out; a success after each failure keeps the account from waiting.
                String address = "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + (n + 1);
                answers.add(pool.submit(() -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        statuses.add(loginFrom(address, username, "wrong-password").status());
                        statuses.add(loginFrom(address, username, "password-1").status());
                    }
                    return statuses;
                }));
            }
            start.countDown();
            for (Future<List<Integer>> answer : answers) {
                List<Integer> statuses = answer.get();
                for (int i = 0; i < statuses.size(); i++) {
                    assertEquals(i % 2 == 0 ? 401 : 200, statuses.get(i), "answer " + i + " of a client: " + statuses);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        PrometheusText after = scrape();
        assertEquals(clients * rounds, delta(before, after, LOGINS, "outcome", "succeeded"));
        assertEquals(clients * rounds, delta(before, after, LOGINS, "outcome", "failed"));
        assertEquals(0, delta(before, after, LOGINS, "outcome", "throttled"));
        assertEquals(2 * clients * rounds, requests(after, "POST /auth/login") - requests(before, "POST /auth/login"));
    }

    @Test
    void aChangeToAUserIsCountedAsAStampPublishedAndApplied() {
        String admin = api.loginAsAdmin();
        long id = api.createUser(admin, "password-1", false).getJsonNumber("id").longValue();
        PrometheusText before = scrape();

        assertEquals(200, api.put("users/" + id, "{\"is_active\":false}", admin).status());

        PrometheusText after = Eventually.until(Duration.ofSeconds(5), this::scrape,
                now -> delta(before, now, "auth_revocations_applied_total", "kind", "stamp") >= 1);
        assertEquals(1, delta(before, after, "auth_revocations_published_total", "kind", "stamp"));
        assertEquals(1, delta(before, after, "auth_revocations_applied_total", "kind", "stamp"));
    }

    /** Each 503 while Redis is away is one count; the feed's resynchronisation when it is back is another. */
    @Test
    @Tag("faults")
    void aRedisOutageCountsEveryRefusalAndTheResynchronisationAfter() {
        String admin = api.loginAsAdmin();
        PrometheusText before = scrape();
        PrivateRedis redis = TestStack.get().redis();
        redis.stop();
        try {
            int refused = 0;
            for (int answered = 0; answered < 5; ) {
                int status = api.get("hello", admin).status();
                if (status == 503) {
                    refused++;
                    answered++;
                } else {
                    assertEquals(200, status, "until the feed notices, the token is checked from memory");
                }
            }
            PrometheusText during = scrape();
            assertEquals(refused, delta(before, during, "auth_backend_unavailable_total", "backend", "redis"));
            assertEquals(0, delta(before, during, "auth_backend_unavailable_total", "backend", "postgresql"));
        } finally {
            redis.start();
        }
        PrometheusText after = Eventually.until(Duration.ofSeconds(10), this::scrape,
                now -> delta(before, now, "auth_revocation_feed_resynchronisations_total") >= 1);
        assertEquals(1, delta(before, after, "auth_revocation_feed_resynchronisations_total"));
        Eventually.until(Duration.ofSeconds(10), () -> api.get("hello", admin).status(), status -> status == 200);
    }

    @Test
    void requestsAreTimedByTheirTemplateNeverTheirPathAndRefusalsBeforeAnyResourceAsNone() {
        String admin = api.loginAsAdmin();
        PrometheusText before = scrape();

        assertEquals(404, api.get("users/999999999", admin).status());
        assertEquals(401, api.get("hello", "not.a.token").status());
        assertEquals(404, api.get("no/such/path", null).status());

        PrometheusText after = scrape();
        assertEquals(1, requests(after, "GET /users/{id}") - requests(before, "GET /users/{id}"));
        assertEquals(2, requests(after, "none") - requests(before, "none"), "the refused token and the unknown path");
        assertTrue(after.samples().stream().noneMatch(sample -> sample.labels().getOrDefault("endpoint", "").contains("999999999")),
                "no path, only templates");
        for (String endpoint : List.of("GET /users/{id}", "none")) {
            double previous = 0;
            for (String le : List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf")) {
                double bucket = after.value(REQUESTS, labels("endpoint", endpoint, "le", le));
                assertTrue(bucket >= previous, "buckets are cumulative: " + endpoint + " le=" + le);
                previous = bucket;
            }
        }
        assertTrue(sum(after, "auth_request_microseconds_total", "GET /users/{id}") > sum(before, "auth_request_microseconds_total", "GET /users/{id}"));
    }

    @Test
    void theTextIsPrometheusExpositionFormatWithAHelpAndATypeForEveryFamily() {
        Api.Answer answer = root.get("metrics?scope=application", null);
        assertEquals(200, answer.status());
        assertEquals("text/plain", answer.mediaType());
        PrometheusText text = PrometheusText.parse(answer.body());
        for (String family : List.of(LOGINS, "auth_refreshes_total", "auth_refresh_token_reuses_total", "auth_revocations_published_total",
                "auth_revocations_applied_total", "auth_revocation_feed_resynchronisations_total", "auth_backend_unavailable_total",
                REQUESTS, "auth_request_microseconds_total")) {
            assertEquals("counter", text.typeOf(family), family);
        }
        assertTrue(text.value("auth_revocation_feed_resynchronisations_total", labels()) >= 1, "the feed synchronised at start-up");
        // Every outcome is there from the start, at zero if need be: a line that appears only at the first failure escapes alerts.
        for (String backend : List.of("redis", "postgresql")) {
            text.value("auth_backend_unavailable_total", labels("backend", backend));
        }
        PrometheusText.parse(root.get("metrics?scope=base", null).body());
    }

    private Api.Answer login(String username, String password) {
        return api.post("auth/login", Json.createObjectBuilder().add("username", username).add("password", password).build().toString(), null);
    }

    private Api.Answer loginFrom(String address, String username, String password) {
        String body = Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
        return api.send(api.request("auth/login", null).header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Api.Answer refresh(String refreshToken) {
        return api.post("auth/refresh", Json.createObjectBuilder().add("refresh_token", refreshToken).build().toString(), null);
    }

    private PrometheusText scrape() {
        Api.Answer answer = root.get("metrics?scope=application", null);
        assertEquals(200, answer.status(), answer::toString);
        return PrometheusText.parse(answer.body());
    }

    /** Requests to the endpoint so far; 0 before its first, when it has no line yet. */
    private static double requests(PrometheusText text, String endpoint) {
        return text.samples().stream().filter(sample -> sample.name().equals(REQUESTS) && "+Inf".equals(sample.labels().get("le")))
                .filter(sample -> endpoint.equals(sample.labels().get("endpoint"))).mapToDouble(PrometheusText.Sample::value).sum();
    }

    private static double sum(PrometheusText text, String name, String endpoint) {
        return text.samples().stream().filter(sample -> sample.name().equals(name) && endpoint.equals(sample.labels().get("endpoint")))
                .mapToDouble(PrometheusText.Sample::value).sum();
    }

    private static double delta(PrometheusText before, PrometheusText after, String name, String... labels) {
        return after.value(name, labels(labels)) - before.value(name, labels(labels));
    }

    /** Name and value pairs, with the scope label Payara adds to every application metric. */
    private static Map<String, String> labels(String... pairs) {
        Map<String, String> labels = new HashMap<>();
        labels.put("mp_scope", "application");
        for (int i = 0; i < pairs.length; i += 2) {
            labels.put(pairs[i], pairs[i + 1]);
        }
        return labels;
    }
}
