package dev.authstack.it;

import com.nimbusds.jose.jwk.ECKey;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.authstack.api.keys.control.KeySeal;
import dev.authstack.api.keys.control.MasterKey;

/**
 * The running stack every integration test talks to, started once per test JVM: a fresh database made from sql/,
 * a private Redis, and Payara Micro with the WARs, launched by scripts/serve.sh as `make run` launches it. Stopped
 * when the JVM exits.
 * <p>
 * System properties: {@code stack.apps} (default {@code api}; web-war's tests use {@code api web}) and
 * {@code stack.database} (default {@code authdemo_it}).
 */
public final class TestStack {

    /** 48 bytes, as the README tells operators to generate; fixed so that tests can open the stored signing key. */
    public static final String MASTER_KEY = "integration-tests-master-key-0123456789-abcdefghij";
    public static final String AUDIENCE = "auth-stack";
    public static final String ALLOWED_ORIGIN = "https://app.example.test";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin123";
    /** Throttled logins are written as one count per account or address per window of this many seconds. */
    public static final int AUDIT_THROTTLED_WINDOW_SECONDS = 5;

    private static TestStack running;

    private final int port = Processes.freePort();
    private final String database = System.getProperty("stack.database", "authdemo_it");
    private final PrivateRedis redis;
    private final Path logFile;
    private final StringBuilder output = new StringBuilder();
    private Process server;

    private TestStack() {
        Path target = Processes.projectRoot().resolve("target").resolve("it-" + database);
        this.redis = new PrivateRedis(target.resolve("redis"));
        this.logFile = Processes.projectRoot().resolve("target").resolve("payara-" + port).resolve("server.log");
    }

    public static synchronized TestStack get() {
        if (running == null) {
            TestStack stack = new TestStack();
            // Before starting: a server that fails to start must not leave its private Redis running.
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "test-stack-stop"));
            stack.start();
            running = stack;
        }
        return running;
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port + "/");
    }

    public URI apiUri() {
        return URI.create("http://localhost:" + port + "/api/v1/");
    }

    public int port() {
        return port;
    }

    /** The issuer the stack's tokens carry: its own public URL, as serve.sh sets it. */
    public String issuer() {
        return "http://localhost:" + port + "/api/v1";
    }

    /**
     * The private key the stack signs with now, opened from the database with {@link #MASTER_KEY}: for tests that need
     * a token with claims the API would never issue, signed as the API signs.
     */
    public ECKey signingKey() {
        String[] row = psql("SELECT kid || ' ' || encode(sealed_key, 'base64') FROM signing_keys WHERE signs_from <= now() "
                + "ORDER BY signs_from DESC LIMIT 1").replace("\n", "").strip().split(" ", 2);
        return new KeySeal(MasterKey.of(MASTER_KEY)).open(row[0], Base64.getMimeDecoder().decode(row[1]));
    }

    public PrivateRedis redis() {
        return redis;
    }

    public String database() {
        return database;
    }

    /** Runs SQL on the stack's database as its owner; answers psql's unaligned output. */
    public String psql(String sql) {
        return Processes.run(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U", "authdemo",
                "-d", database, "-tA", "-c", sql), Map.of("PGPASSWORD", "authdemo"), 60);
    }

    /** Everything Payara Micro has logged so far. */
    public String serverLog() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("PORT", String.valueOf(port));
        environment.put("DB_NAME", database);
        environment.put("REDIS_URL", redis.url());
        environment.put("MASTER_KEY", MASTER_KEY);
        // One issuer for the deployment, whichever instance signs: a second instance must not name itself.
        environment.put("ISSUER", issuer());
        // New keys sign a few seconds after a rotation, and every instance reads them every second, so that the
        // rotation tests need not wait for the production defaults (600 s, 30 s).
        environment.put("KEYS_PUBLISH_AHEAD_SECONDS", "3");
        environment.put("KEYS_REFRESH_SECONDS", "1");
        environment.put("CORS_ALLOWED_ORIGINS", ALLOWED_ORIGIN + ",https://other.example.test");
        environment.put("APPS", System.getProperty("stack.apps", "api"));
        // Every test client is 127.0.0.1: its shared budget of failed logins must not decide other tests' outcome.
        // The throttling tests send their own X-Forwarded-For (serve.sh trusts the loopback as a proxy).
        environment.put("LOGIN_ADDRESS_FAILURES", "100000");
        environment.put("AUDIT_SWEEP_SECONDS", "2");
        environment.put("AUDIT_THROTTLED_WINDOW_SECONDS", String.valueOf(AUDIT_THROTTLED_WINDOW_SECONDS));
        return environment;
    }

    private void start() {
        Processes.run(List.of("bash", "scripts/provision.sh"), Map.of("DB_NAME", database, "FRESH_DATABASE", "1"), 300);
        redis.start();
        server = startServer(environment());
    }

    /**
     * Starts scripts/serve.sh and waits for its verdict: READY, or its loud failure, which fails the caller with
     * everything the script printed.
     */
    public static Process startServer(Map<String, String> environment) {
        ServeResult result = serve(environment, 300);
        if (!result.ready()) {
            throw new IllegalStateException("scripts/serve.sh failed:\n" + result.output());
        }
        return result.process();
    }

    public record ServeResult(boolean ready, Process process, String output) {
    }

    /** Runs scripts/serve.sh until it says READY or exits; the process is left running when it is ready. */
    public static ServeResult serve(Map<String, String> environment, long timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", "scripts/serve.sh")
                    .directory(Processes.projectRoot().toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            StringBuilder seen = new StringBuilder();
            CompletableFuture<Boolean> ready = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        synchronized (seen) {
                            seen.append(line).append('\n');
                        }
                        if (line.startsWith("READY:")) {
                            ready.complete(true);
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
                ready.complete(false);
            }, "serve-output");
            reader.setDaemon(true);
            reader.start();
            boolean isReady = ready.get(timeoutSeconds, TimeUnit.SECONDS);
            if (!isReady) {
                process.waitFor(30, TimeUnit.SECONDS);
                reader.join(5000);
            }
            synchronized (seen) {
                return new ServeResult(isReady, process, seen.toString());
            }
        } catch (Exception e) {
            throw new IllegalStateException("running scripts/serve.sh failed", e);
        }
    }

    public static void stopServer(Process server) {
        if (server == null) {
            return;
        }
        server.destroy();
        try {
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() {
        stopServer(server);
        if (redis.answers()) {
            redis.stop();
        }
    }
}
