package dev.authstack.consumers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.authstack.it.TestStack;

/** A consumer service running in a process of its own, and its answers to GET with one of our tokens. */
final class ConsumerProcess implements AutoCloseable {

    private final String name;
    private final Process server;
    private final URI base;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();

    ConsumerProcess(String name, Process server, URI base, Path log) {
        this.name = name;
        this.server = server;
        this.base = base;
        this.log = log;
    }

    /** The status and body of GET {@code base + path} with this bearer token (none when null). */
    Answer get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Answer(int status, String body) {
    }

    /**
     * Waits until the log shows {@code readyLine}, then asks {@code probePath} without a token: an answer other than
     * {@code probeStatus} means the application is not what the server serves (a failed deployment), and fails loudly.
     */
    ConsumerProcess awaitReady(String readyLine, String probePath, int probeStatus) {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the " + name + " consumer exited:\n" + logText());
            }
            if (logText().contains(readyLine)) {
                Answer anonymous = get(probePath, null);
                if (anonymous.status() != probeStatus) {
                    close();
                    throw new IllegalStateException("the " + name + " consumer does not serve " + probePath + ": " + anonymous
                            + "\n" + logText());
                }
                return this;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("the " + name + " consumer was not ready in 180 s:\n" + logText());
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        TestStack.stopServer(server);
    }
}
