package dev.authstack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refresh throughput: CLIENTS clients, each with a session of its own (one login each, one after another, before the
 * clock starts), trade their refresh token at POST /auth/refresh as fast as they can for SECONDS, each always with the
 * token its last refresh answered. Prints {@code RESULT rate p50-ms p99-ms failures}.
 * Arguments: API base URL, username, password, clients, seconds.
 */
public final class RefreshLoad {

    private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\":\"([A-Za-z0-9_-]+)\"");

    private RefreshLoad() {
    }

    public static void main(String[] arguments) throws Exception {
        URI api = URI.create(arguments[0]);
        String credentials = "{\"username\":\"" + arguments[1] + "\",\"password\":\"" + arguments[2] + "\"}";
        int clients = Integer.parseInt(arguments[3]);
        long seconds = Long.parseLong(arguments[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            tokens.add(refreshTokenOf(http.send(post(api.resolve("auth/login"), credentials), HttpResponse.BodyHandlers.ofString())));
        }
        AtomicInteger failures = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        List<Future<List<Long>>> results = new ArrayList<>();
        for (String first : tokens) {
            results.add(threads.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                String token = first;
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    HttpResponse<String> answer = http.send(post(api.resolve("auth/refresh"), "{\"refresh_token\":\"" + token + "\"}"),
                            HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - sent);
                    if (answer.statusCode() != 200) {
                        failures.incrementAndGet();
                        return latencies;
                    }
                    token = refreshTokenOf(answer);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        Collections.sort(all);
        System.out.printf("RESULT %.1f %.2f %.2f %d%n", all.size() / elapsed, percentile(all, 0.50), percentile(all, 0.99), failures.get());
    }

    private static HttpRequest post(URI uri, String json) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String refreshTokenOf(HttpResponse<String> answer) {
        Matcher token = REFRESH_TOKEN.matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no refresh token: " + answer.statusCode());
        }
        return token.group(1);
    }

    private static double percentile(List<Long> sorted, double fraction) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.round(fraction * (sorted.size() - 1)))) / 1e6;
    }
}
