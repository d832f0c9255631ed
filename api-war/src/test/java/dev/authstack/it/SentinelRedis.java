package dev.authstack.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Redis as a team would run it when one is not enough, on spare ports of this machine: a primary, a replica and three
 * Sentinels watching them under {@link #MASTER_NAME}, with a failure noticed after one second. The primary can be
 * killed the way a crashed machine goes, and started again, when the Sentinels make it a replica of the new primary.
 * The Sentinels require {@link #SENTINELS_PASSWORD}, of each other too, as the containers' do.
 */
public final class SentinelRedis implements AutoCloseable {

    public static final String MASTER_NAME = "auth-stack";
    /** The Sentinels' own password: without it a Sentinel answers nothing but NOAUTH, so nobody else can move the primary. */
    public static final String SENTINELS_PASSWORD = "sentinels-test-password";
    /** redis-cli takes the password from its environment, so that it appears on no command line. */
    private static final Map<String, String> SENTINEL_AUTH = Map.of("REDISCLI_AUTH", SENTINELS_PASSWORD);

    private final Path directory;
    private final int firstPrimary = Processes.freePort();
    private final int firstReplica = Processes.freePort();
    private final List<Integer> sentinels = List.of(Processes.freePort(), Processes.freePort(), Processes.freePort());

    public SentinelRedis(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startRedis(firstPrimary, List.of());
        startRedis(firstReplica, List.of("--replicaof", "127.0.0.1", String.valueOf(firstPrimary)));
        for (int port : sentinels) {
            startSentinel(port);
        }
        Eventually.until(java.time.Duration.ofSeconds(20), () -> sentinel("SENTINEL", "replicas", MASTER_NAME),
                replicas -> replicas.contains(String.valueOf(firstReplica)));
    }

    /** {@code host:port,...}, as {@code REDIS_SENTINELS} takes it. */
    public String sentinelsSetting() {
        return sentinels.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    public int firstPrimary() {
        return firstPrimary;
    }

    /** The port of the primary the Sentinels name now. */
    public int primary() {
        String[] address = sentinel("SENTINEL", "get-master-addr-by-name", MASTER_NAME).split("\\s+");
        return Integer.parseInt(address[address.length - 1]);
    }

    /** {@code master} or {@code slave}, as the server on that port says. */
    public String role(int port) {
        return cli(port, "ROLE").lines().findFirst().orElse("").strip();
    }

    public String cli(int port, String... arguments) {
        return redisCli(port, Map.of(), arguments);
    }

    /** A command to a Sentinel, with or without its password. */
    public String sentinelCli(boolean withPassword, String... arguments) {
        return redisCli(sentinels.get(0), withPassword ? SENTINEL_AUTH : Map.of(), arguments);
    }

    private static String redisCli(int port, Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-p", String.valueOf(port)));
        command.addAll(List.of(arguments));
        return Processes.runForResult(command, environment, 10).output().strip();
    }

    /** SIGKILL, as a machine that dies: no shutdown, no last write to the replica. */
    public void killFirstPrimary() {
        Processes.run(List.of("bash", "-c", "kill -9 $(cat " + pidFile(firstPrimary) + ")"), Map.of(), 10);
        Processes.awaitPort(firstPrimary, false, "the killed primary");
    }

    /** Starts the old primary again as it was configured; the Sentinels turn it into a replica of the new one. */
    public void restartFirstPrimary() {
        startRedis(firstPrimary, List.of());
    }

    private String sentinel(String... arguments) {
        return sentinelCli(true, arguments);
    }

    private void startRedis(int port, List<String> extra) {
        List<String> command = new ArrayList<>(List.of("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1",
                "--port", String.valueOf(port), "--save", "", "--appendonly", "yes", "--appendfilename", "redis-" + port + ".aof",
                "--appenddirname", "aof-" + port, "--dir", directory.toString(),
                "--logfile", directory.resolve("redis-" + port + ".log").toString(), "--pidfile", pidFile(port).toString()));
        command.addAll(extra);
        Processes.run(command, Map.of(), 30);
        Processes.awaitPort(port, true, "redis " + port);
    }

    private void startSentinel(int port) {
        Path config = directory.resolve("sentinel-" + port + ".conf");
        try {
            // Sentinel rewrites its configuration file as it learns: a file of its own, writable.
            Files.writeString(config, String.join("\n",
                    "port " + port, "bind 127.0.0.1", "daemonize yes", "dir " + directory,
                    "pidfile " + pidFile(port), "logfile " + directory.resolve("sentinel-" + port + ".log"),
                    "requirepass " + SENTINELS_PASSWORD, "sentinel sentinel-pass " + SENTINELS_PASSWORD,
                    "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + firstPrimary + " 2",
                    "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                    "sentinel failover-timeout " + MASTER_NAME + " 10000",
                    "sentinel parallel-syncs " + MASTER_NAME + " 1", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Processes.run(List.of("redis-server", config.toString(), "--sentinel"), Map.of(), 30);
        Processes.awaitPort(port, true, "sentinel " + port);
    }

    private Path pidFile(int port) {
        return directory.resolve("redis-" + port + ".pid");
    }

    @Override
    public void close() {
        for (int port : sentinels) {
            redisCli(port, SENTINEL_AUTH, "shutdown", "nosave");
        }
        for (int port : List.of(firstPrimary, firstReplica)) {
            redisCli(port, Map.of(), "shutdown", "nosave");
        }
    }
}
