package dev.authstack.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A redis-server of the tests' own on a spare port, so a test can stop it and start it again without touching the
 * machine's Redis. Append-only persistence is on, as in the compose file, so revocations survive a restart.
 */
public final class PrivateRedis {

    private final int port;
    private final Path directory;

    public PrivateRedis(Path directory) {
        this.port = Processes.freePort();
        this.directory = directory;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void start() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Processes.run(List.of("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", String.valueOf(port),
                "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", directory.toString(),
                "--logfile", directory.resolve("redis.log").toString(),
                "--pidfile", directory.resolve("redis.pid").toString()), Map.of(), 30);
        Processes.awaitPort(port, true, "redis");
    }

    /** Stops the server the way an outage would look to a client: the port simply stops answering. */
    public void stop() {
        Processes.runForResult(List.of("redis-cli", "-p", String.valueOf(port), "shutdown"), Map.of(), 30);
        Processes.awaitPort(port, false, "redis");
    }

    public String cli(String... arguments) {
        var command = new java.util.ArrayList<>(List.of("redis-cli", "-p", String.valueOf(port)));
        command.addAll(List.of(arguments));
        return Processes.run(command, Map.of(), 30).strip();
    }

    /** Publishes bytes as they are, which redis-cli cannot do for a NUL. */
    public void publish(byte[] channel, byte[] message) {
        try (var jedis = new redis.clients.jedis.Jedis("127.0.0.1", port)) {
            jedis.publish(channel, message);
        }
    }

    public boolean answers() {
        return Processes.answers(port);
    }
}
