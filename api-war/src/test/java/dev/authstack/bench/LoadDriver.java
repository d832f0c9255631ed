package dev.authstack.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A mixed workload for SECONDS at CONNECTIONS concurrent clients: reads (hello, me, the admin's user list), writes
 * (user creation and updates), and the expensive and the stateful (logins, logouts). Afterwards it checks what the
 * run must have left: every user created present with the fields it was given or changed to, and every token logged
 * out refused. Exit status 0 only with zero 5xx, zero socket errors and nothing missing.
 * Arguments: API base URL, seconds, connections.
 */
public final class LoadDriver {

    private final URI api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder socketErrors = new LongAdder();
    private final LongAdder unexpected = new LongAdder();
    /** Created users by id, with the e-mail they must have at the end. */
    private final Map<Long, String> expectedEmails = new ConcurrentHashMap<>();
    private final Map<Long, String> usernames = new ConcurrentHashMap<>();
    private final Queue<String> loggedOut = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private String admin;

    LoadDriver(URI api) {
        this.api = api;
    }

    public static void main(String[] arguments) throws Exception {
        LoadDriver driver = new LoadDriver(URI.create(arguments[0]));
        int seconds = Integer.parseInt(arguments[1]);
        int connections = Integer.parseInt(arguments[2]);
        boolean ok = driver.drive(seconds, connections) & driver.verify();
        System.exit(ok ? 0 : 1);
    }

    boolean drive(int seconds, int connections) throws Exception {
        admin = login("admin", "admin123");
        Instant end = Instant.now().plusSeconds(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            clients.submit(() -> client(end));
        }
        clients.shutdown();
        if (!clients.awaitTermination(seconds + 120L, TimeUnit.SECONDS)) {
            clients.shutdownNow();
            System.out.println("clients did not finish in time");
            return false;
        }
        long total = byOperation.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf("requests=%d rate=%.0f/s 5xx=%d socket_errors=%d unexpected=%d%n", total, total / (double) seconds,
                serverErrors.sum(), socketErrors.sum(), unexpected.sum());
        byOperation.forEach((operation, count) -> System.out.printf("  %-8s %d%n", operation, count.sum()));
        return serverErrors.sum() == 0 && socketErrors.sum() == 0 && unexpected.sum() == 0;
    }

    /** One client: its own user and token, a random mix of operations until the end. */
    private Void client(Instant end) {
        try {
            String password = "load-password-1";
            JsonObject me = createUser(password);
            String username = me.getString("username");
            String token = login(username, password);
            while (Instant.now().isBefore(end)) {
                int dice = ThreadLocalRandom.current().nextInt(1000);
                if (dice < 400) {
                    expect("hello", send(get("hello", token)), 200);
                } else if (dice < 600) {
                    expect("me", send(get("me", token)), 200);
                } else if (dice < 750) {
                    expect("list", send(get("users", admin)), 200);
                } else if (dice < 850) {
                    createUser("load-password-2");
                } else if (dice < 980) {
                    updateSomeUser();
                } else if (dice < 990) {
                    expect("status", send(get("status", null)), 200);
                } else {
                    expect("logout", send(post("auth/logout", null, token)), 200);
                    loggedOut.add(token);
                    token = login(username, password);
                }
            }
        } catch (Exception e) {
            System.out.println("client stopped: " + e);
            unexpected.increment();
        }
        return null;
    }

    private JsonObject createUser(String password) {
        String username = "load" + run + "x" + sequence.incrementAndGet();
        String email = username + "@example.com";
        HttpResponse<String> answer = send(post("register", Json.createObjectBuilder().add("username", username)
                .add("email", email).add("password", password).build().toString(), admin));
        if (!expect("create", answer, 201)) {
            return null;
        }
        JsonObject user = json(answer.body());
        long id = user.getJsonNumber("id").longValue();
        usernames.put(id, username);
        expectedEmails.put(id, email);
        return user;
    }

    private void updateSomeUser() {
        List<Long> ids = List.copyOf(expectedEmails.keySet());
        if (ids.isEmpty()) {
            return;
        }
        long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        String email = "changed" + sequence.incrementAndGet() + "-" + usernames.get(id) + "@example.com";
        // One writer per user at a time, so the e-mail expected at the end is the one written last.
        synchronized (usernames.get(id)) {
            if (expect("update", send(put("users/" + id, "{\"email\":\"" + email + "\"}", admin)), 200)) {
                expectedEmails.put(id, email);
            }
        }
    }

    private String login(String username, String password) {
        HttpResponse<String> answer = send(post("auth/login", Json.createObjectBuilder().add("username", username)
                .add("password", password).build().toString(), null));
        if (!expect("login", answer, 200)) {
            throw new IllegalStateException("login of " + username + " failed: " + (answer == null ? "no answer" : answer.statusCode()));
        }
        return json(answer.body()).getString("access_token");
    }

    /** After the run: what it created is there as it was last written, and what it logged out stays out. */
    boolean verify() {
        int missing = 0;
        for (var user : expectedEmails.entrySet()) {
            HttpResponse<String> answer = send(get("users/" + user.getKey(), admin));
            if (answer == null || answer.statusCode() != 200) {
                missing++;
                continue;
            }
            JsonObject found = json(answer.body());
            if (!found.getString("email").equals(user.getValue()) || !found.getString("username").equals(usernames.get(user.getKey()))
                    || found.getBoolean("is_admin") || !found.getBoolean("is_active")) {
                missing++;
            }
        }
        int accepted = 0;
        for (String token : loggedOut) {
            HttpResponse<String> answer = send(get("hello", token));
            if (answer == null || answer.statusCode() != 401) {
                accepted++;
            }
        }
        System.out.printf("users created=%d missing or wrong=%d; tokens logged out=%d still accepted=%d%n",
                expectedEmails.size(), missing, loggedOut.size(), accepted);
        int failed = (missing > 0 ? 1 : 0) + (accepted > 0 ? 1 : 0) + (serverErrors.sum() > 0 ? 1 : 0)
                + (socketErrors.sum() > 0 ? 1 : 0) + (unexpected.sum() > 0 ? 1 : 0);
        System.out.printf("load: %d passed, %d failed%n", 5 - failed, failed);
        return failed == 0;
    }

    private boolean expect(String operation, HttpResponse<String> answer, int status) {
        byOperation.computeIfAbsent(operation, key -> new LongAdder()).increment();
        if (answer == null) {
            return false;
        }
        if (answer.statusCode() >= 500) {
            serverErrors.increment();
            System.out.println(operation + " answered " + answer.statusCode() + ": " + answer.body());
            return false;
        }
        if (answer.statusCode() != status) {
            unexpected.increment();
            System.out.println(operation + " answered " + answer.statusCode() + ": " + answer.body());
            return false;
        }
        return true;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            socketErrors.increment();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private HttpRequest get(String path, String token) {
        return request(path, token).GET().build();
    }

    private HttpRequest post(String path, String json, String token) {
        return request(path, token).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpRequest put(String path, String json, String token) {
        return request(path, token).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
