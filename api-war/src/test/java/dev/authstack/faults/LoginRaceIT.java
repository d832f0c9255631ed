package dev.authstack.faults;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.authstack.it.Api;
import dev.authstack.it.Eventually;
import dev.authstack.it.SecondInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logins racing a change to their user, on two instances: six clients keep logging in as an administrator, half on
 * each instance, while another administrator deactivates and demotes it, changes its password or deletes it. Every
 * token the storm got must be refused afterwards, on both instances, whatever the interleaving: a login that read the
 * user before the change committed must not keep the old rights.
 */
@Tag("faults")
class LoginRaceIT {

    static final int ROUNDS = 4;
    static final int CLIENTS = 6;
    static final String PASSWORD = "storm-password";

    static SecondInstance second;
    static Api first;
    static Api other;

    @BeforeAll
    static void twoInstances() {
        first = Api.ofTestStack();
        second = SecondInstance.shared();
        other = second.api();
    }


    @ParameterizedTest
    @ValueSource(strings = {"deactivate-and-demote", "password", "delete"})
    void noTokenFromALoginStormSurvivesAChangeToItsUser(String change) throws Exception {
        String admin = first.loginAsAdmin();
        int issued = 0;
        for (int round = 0; round < ROUNDS; round++) {
            JsonObject user = first.createUser(admin, PASSWORD, true);
            String username = user.getString("username");
            String path = "users/" + user.getInt("id");
            List<String[]> tokens = storm(username, () -> {
                Api.Answer answer = switch (change) {
                    case "deactivate-and-demote" -> first.put(path, "{\"is_active\":false,\"is_admin\":false}", admin);
                    case "password" -> other.put(path, "{\"password\":\"a-brand-new-password\"}", admin);
                    default -> first.delete(path, admin);
                };
                assertTrue(answer.status() == 200 || answer.status() == 204, answer::toString);
            });
            issued += tokens.size();
            for (String[] token : tokens) {
                for (Api instance : List.of(first, other)) {
                    assertRefusedWithinPropagation(instance, token[0]);
                }
                // Nor does the session live on: a login that raced the change cannot refresh its way past it.
                Api.Answer refreshed = other.post("auth/refresh", "{\"refresh_token\":\"" + token[1] + "\"}", null);
                assertEquals(401, refreshed.status(), "a session from the storm survived the change: " + refreshed);
            }
        }
        System.out.println("login race (" + change + "): " + issued + " sessions started around the change, none survived");
        assertTrue(issued > ROUNDS * CLIENTS, "the storm got tokens (" + issued + ")");
    }

    /** Logs in from six clients, both instances, until well after the change; answers every access and refresh token handed out. */
    private static List<String[]> storm(String username, Runnable change) throws Exception {
        ConcurrentLinkedQueue<String[]> tokens = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean changed = new AtomicBoolean();
        AtomicInteger attemptsAfterChange = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        String credentials = "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}";
        List<Future<?>> loops = new ArrayList<>();
        Instant bound = Instant.now().plusSeconds(30);
        for (int i = 0; i < CLIENTS; i++) {
            Api api = i % 2 == 0 ? first : other;
            loops.add(clients.submit(() -> {
                while (running.get() && Instant.now().isBefore(bound)) {
                    boolean afterChange = changed.get();
                    Api.Answer answer = api.post("auth/login", credentials, null);
                    if (afterChange) {
                        attemptsAfterChange.incrementAndGet();
                    }
                    if (answer.status() == 200) {
                        tokens.add(new String[] {answer.json().getString("access_token"), answer.json().getString("refresh_token")});
                    }
                }
            }));
        }
        Eventually.until(Duration.ofSeconds(30), tokens::size, size -> size >= CLIENTS);
        // Both instances now know the user: the change must reach the other one through the feed, not a lookup.
        String early = tokens.peek()[0];
        for (Api instance : List.of(first, other)) {
            assertEquals(200, instance.get("hello", early).status(), "a storm token works before the change");
        }
        change.run();
        changed.set(true);
        // Logins that read the user before the change finish meanwhile; each client also tries twice after it.
        Eventually.until(Duration.ofSeconds(30), attemptsAfterChange::get, attempts -> attempts >= 2 * CLIENTS);
        running.set(false);
        for (Future<?> loop : loops) {
            loop.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();
        return List.copyOf(tokens);
    }

    /** The other instance learns of the change through the feed: give it the bound a logout has, then insist. */
    private static void assertRefusedWithinPropagation(Api instance, String token) {
        Api.Answer answer = Eventually.until(Duration.ofMillis(500), () -> instance.get("hello", token), refused -> refused.status() != 200);
        assertEquals(401, answer.status(), "a token from the storm survived the change: " + answer);
    }
}
