package dev.authstack.faults;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.authstack.it.Api;
import dev.authstack.it.Processes;
import dev.authstack.it.PrivatePostgres;
import dev.authstack.it.PrometheusText;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PostgreSQL goes away under a running API: what needs it is refused quickly, what needs only the token works on. */
@Tag("faults")
class PostgresOutageIT {

    static PrivatePostgres postgres;
    static Process server;
    static Api api;
    static Api metrics;

    @BeforeAll
    static void apiOnAPrivateDatabase() {
        postgres = new PrivatePostgres(Processes.projectRoot().resolve("target/it-postgres-outage"));
        postgres.create("authdemo_outage");
        int port = Processes.freePort();
        Map<String, String> environment = new HashMap<>(TestStack.get().environment());
        environment.putAll(Map.of("PORT", String.valueOf(port), "DB_PORT", String.valueOf(postgres.port()),
                "DB_NAME", "authdemo_outage", "APPS", "api"));
        server = TestStack.startServer(environment);
        api = new Api(URI.create("http://localhost:" + port + "/api/v1/"));
        metrics = new Api(URI.create("http://localhost:" + port + "/"));
    }

    @AfterAll
    static void stop() {
        TestStack.stopServer(server);
        if (postgres != null) {
            postgres.destroy();
        }
    }

    @Test
    void refusesWhatNeedsTheDatabaseQuicklyKeepsTokensWorkingAndRecoversWithoutLosingAUser() {
        String admin = api.loginAsAdmin();
        JsonObject committed = api.createUser(admin, "password-1", false);
        String userToken = api.login(committed.getString("username"), "password-1");

        double unavailable = databaseUnavailable();
        postgres.stop();

        for (Api.Answer answer : List.of(timed(() -> api.post("auth/login", "{\"username\":\"admin\",\"password\":\"admin123\"}", null)),
                timed(() -> api.get("users", admin)), timed(() -> api.get("me", userToken)),
                timed(() -> api.post("register", "{\"username\":\"lost1\",\"email\":\"lost1@example.com\",\"password\":\"password-1\"}", admin)))) {
            assertEquals(503, answer.status(), answer::toString);
            assertEquals(Api.PROBLEM_JSON, answer.mediaType());
            assertTrue(answer.json().getString("detail").contains("PostgreSQL"), answer::toString);
        }
        assertEquals(200, api.get("hello", userToken).status(), "a verified token needs no database");
        // A logout ends the session, which lives in PostgreSQL: it is refused rather than answered 200 for half of it.
        Api.Answer logout = api.post("auth/logout", null, userToken);
        assertEquals(503, logout.status(), logout::toString);
        assertTrue(logout.json().getString("detail").contains("PostgreSQL"), logout::toString);
        assertEquals(5, databaseUnavailable() - unavailable, "each 503 counted once in the metrics");

        postgres.start();

        Instant deadline = Instant.now().plusSeconds(15);
        int status;
        do {
            status = api.get("users/" + committed.getInt("id"), admin).status();
        } while (status != 200 && Instant.now().isBefore(deadline));
        assertEquals(200, status, "recovered without a restart");
        assertEquals(200, api.post("auth/logout", null, userToken).status(), "the logout, tried again, ends the session");
        assertEquals(401, api.get("hello", userToken).status());
        assertEquals(Api.withoutLastLogin(committed), Api.withoutLastLogin(api.get("users/" + committed.getInt("id"), admin).json()),
                "the committed user is intact");
        assertEquals(200, api.get("hello", api.loginAsAdmin()).status());
    }

    private static double databaseUnavailable() {
        return PrometheusText.parse(metrics.get("metrics?scope=application", null).body())
                .value("auth_backend_unavailable_total", Map.of("backend", "postgresql", "mp_scope", "application"));
    }

    private static Api.Answer timed(java.util.function.Supplier<Api.Answer> call) {
        Instant start = Instant.now();
        Api.Answer answer = call.get();
        long millis = Duration.between(start, Instant.now()).toMillis();
        assertTrue(millis < 3000, "answered in " + millis + " ms");
        return answer;
    }
}
