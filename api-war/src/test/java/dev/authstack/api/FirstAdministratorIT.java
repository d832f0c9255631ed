package dev.authstack.api;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.authstack.it.Api;
import dev.authstack.it.Eventually;
import dev.authstack.it.Processes;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deployment's database has no admin / admin123: the first administrator comes from ADMIN_USERNAME and
 * ADMIN_PASSWORD, created once however many instances start at the same moment; a weak one stops the deployment.
 * Development keeps the seed, and every start warns while its password works.
 */
class FirstAdministratorIT {

    static final String ADMIN_PASSWORD = "first-administrator-passphrase";

    @Test
    void twoInstancesStartingAtOnceCreateTheAdministratorOnce() throws Exception {
        String database = "authdemo_first_admin";
        provisionWithoutSeed(database);
        Map<String, String> environment = environment(database, ADMIN_PASSWORD);
        // The second starts once the first's data grid is up: two Payara Micros joining one host's Hazelcast port
        // range at the very same moment trip over each other (a NullPointerException in Payara). Both still deploy,
        // and so create the administrator, within moments of each other; the advisory lock is what keeps it single.
        Map<String, String> first = withPort(environment);
        CompletableFuture<TestStack.ServeResult> firstStart = CompletableFuture.supplyAsync(() -> TestStack.serve(first, 240));
        Path firstLog = Processes.projectRoot().resolve("target").resolve("payara-" + first.get("PORT")).resolve("server.log");
        Eventually.until(Duration.ofSeconds(120), () -> logHolds(firstLog, "Payara Data Grid State"), up -> up);
        CompletableFuture<TestStack.ServeResult> secondStart = CompletableFuture.supplyAsync(() -> TestStack.serve(withPort(environment), 240));
        List<TestStack.ServeResult> results = List.of(firstStart.join(), secondStart.join());
        try {
            for (TestStack.ServeResult result : results) {
                assertTrue(result.ready(), result.output());
            }
            assertEquals("1", psql(database, "SELECT count(*) FROM users WHERE is_admin AND username = 'first-admin'"));
            assertEquals("1", psql(database, "SELECT count(*) FROM users"));
            Api api = new Api(URI.create(results.get(0).output().replaceAll("(?s).*READY: API at ([^\\s,]+).*", "$1") + "/"));
            api.login("first-admin", ADMIN_PASSWORD);
            assertEquals(401, api.post("auth/login", "{\"username\":\"admin\",\"password\":\"admin123\"}", null).status());
            assertFalse(results.get(0).output().contains(ADMIN_PASSWORD), "the password is never printed");
        } finally {
            results.forEach(result -> TestStack.stopServer(result.process()));
        }
    }

    @Test
    void aCommonPasswordStopsTheDeploymentAndSaysWhy() throws Exception {
        String database = "authdemo_weak_admin";
        provisionWithoutSeed(database);
        TestStack.ServeResult result = TestStack.serve(withPort(environment(database, "password1")), 240);
        if (result.ready()) {
            TestStack.stopServer(result.process());
        }
        assertFalse(result.ready());
        assertTrue(result.output().contains("FAILED: the api WAR did not deploy"), result.output());
        assertTrue(result.output().contains("is one of the most common passwords"), result.output());
        assertEquals("0", psql(database, "SELECT count(*) FROM users"));
    }

    @Test
    void developmentWarnsWhileTheSeedPasswordWorks() {
        assertTrue(TestStack.get().serverLog().contains("still has the development password"));
    }

    private static boolean logHolds(Path log, String line) {
        try {
            return Files.exists(log) && Files.readString(log).contains(line);
        } catch (java.io.IOException e) {
            return false; // being written: look again
        }
    }

    private static void provisionWithoutSeed(String database) {
        TestStack.get();
        Processes.run(List.of("bash", "scripts/provision.sh"), Map.of("DB_NAME", database, "FRESH_DATABASE", "1", "DEVELOPMENT_SEED", "0"), 300);
    }

    private static Map<String, String> environment(String database, String password) {
        Map<String, String> environment = new HashMap<>(TestStack.get().environment());
        environment.putAll(Map.of("DB_NAME", database, "APPS", "api", "ADMIN_USERNAME", "first-admin", "ADMIN_PASSWORD", password));
        return environment;
    }

    private static Map<String, String> withPort(Map<String, String> environment) {
        Map<String, String> withPort = new HashMap<>(environment);
        withPort.put("PORT", String.valueOf(Processes.freePort()));
        return withPort;
    }

    private static String psql(String database, String sql) {
        return Processes.run(List.of("psql", "-X", "-q", "-h", "127.0.0.1", "-U", "authdemo", "-d", database, "-tA", "-c", sql),
                Map.of("PGPASSWORD", "authdemo"), 60).strip();
    }
}
