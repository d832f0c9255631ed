package dev.authstack.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.authstack.it.Api;
import dev.authstack.it.Eventually;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flood of throttled guesses costs the attacker almost nothing: it must cost the audit trail almost nothing too. The
 * attempts are counted, not written one by one, and the real events stay on the first page of the trail.
 */
class ThrottledAuditIT {

    static final Api api = Api.ofTestStack();
    static final String PASSWORD = "flooded-password";
    static final int ATTEMPTS = Integer.getInteger("flood.attempts", 20_000);
    static final int CLIENTS = 16;

    @Test
    void twentyThousandThrottledGuessesAddABoundedNumberOfRowsAndTheRealEventsStayVisible() throws Exception {
        String admin = api.loginAsAdmin();
        String victim = api.createUser(admin, PASSWORD, false).getString("username");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(victim, "wrong-password", "198.51.100.30").status());
        }
        assertTrue(Eventually.until(Duration.ofSeconds(10), () -> events("type=login_failed&username=" + victim, admin).size(),
                failures -> failures == 5) == 5, "the five failures are in the trail");
        long before = Long.parseLong(TestStack.get().psql("SELECT coalesce(max(id), 0) FROM audit_events").strip());

        Instant start = Instant.now();
        Map<Integer, Integer> answers = flood(victim);
        int throttled = answers.getOrDefault(429, 0);
        assertEquals(ATTEMPTS, throttled + answers.getOrDefault(401, 0), "only 429, or 401 when a wait ran out: " + answers);

        // A real event after the flood: once it is on the first page, everything queued before it has been handled.
        String bystander = api.createUser(admin, PASSWORD, false).getString("username");
        api.login(bystander, PASSWORD);
        List<JsonObject> firstPage = Eventually.until(Duration.ofSeconds(30), () -> events("limit=50", admin),
                page -> page.stream().anyMatch(event -> isLoginOf(event, bystander)));
        assertTrue(firstPage.stream().anyMatch(event -> isLoginOf(event, bystander)), "the real login is on the first page: " + firstPage);

        // Counted, not lost: the account's throttled events add up to every 429 it caused.
        int counted = Eventually.until(Duration.ofSeconds(30), () -> throttledCount(victim, admin), count -> count == throttled);
        assertEquals(throttled, counted, "the trail's count of throttled attempts");

        // Two rows per window for the account (its first attempt, then the count of the others), the few failures
        // that the doubling waits let through, and the bystander's two events.
        long windows = Duration.between(start, Instant.now()).toSeconds() / TestStack.AUDIT_THROTTLED_WINDOW_SECONDS + 2;
        long rowsAllowed = 2 * windows + answers.getOrDefault(401, 0) + 2;
        long added = Long.parseLong(TestStack.get().psql("SELECT count(*) FROM audit_events WHERE id > " + before).strip());
        System.out.printf("throttled flood: %s in answer to %d attempts, %d rows added (%d allowed)%n", answers, ATTEMPTS, added, rowsAllowed);
        assertTrue(added <= rowsAllowed, added + " rows for " + ATTEMPTS + " attempts; allowed " + rowsAllowed);
    }

    private static Map<Integer, Integer> flood(String victim) throws Exception {
        Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int n = sent.incrementAndGet(); n <= ATTEMPTS; n = sent.incrementAndGet()) {
                        // From ever new addresses, as a botnet would: the account's wait is what stops them.
                        String address = "198.18." + (n >> 8 & 0xff) + "." + (n & 0xff);
                        answers.merge(login(victim, "flood-" + n, address).status(), 1, Integer::sum);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                try {
                    client.get(5, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    throw new AssertionError(e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            clients.shutdownNow();
        }
        return answers;
    }

    private static final Pattern COUNT = Pattern.compile("(\\d+) attempts");

    /** An aggregated row says how many attempts it stands for; a row without a count stands for one. */
    private static int throttledCount(String victim, String admin) {
        int total = 0;
        for (JsonObject event : events("type=login_throttled&limit=200&username=" + victim, admin)) {
            Matcher count = COUNT.matcher(event.getString("details", ""));
            total += count.find() ? Integer.parseInt(count.group(1)) : 1;
        }
        return total;
    }

    private static boolean isLoginOf(JsonObject event, String username) {
        return "login_succeeded".equals(event.getString("type")) && username.equals(event.getString("subject_username", null));
    }

    private static List<JsonObject> events(String query, String admin) {
        Api.Answer answer = api.get("audit-events?" + query, admin);
        assertEquals(200, answer.status(), answer::toString);
        return answer.json().getJsonArray("events").getValuesAs(JsonObject.class);
    }

    private static Api.Answer login(String username, String password, String address) {
        return api.send(api.request("auth/login", null).header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("username", username).add("password", password)
                        .build().toString())));
    }
}
