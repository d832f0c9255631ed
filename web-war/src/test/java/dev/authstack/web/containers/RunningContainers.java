package dev.authstack.web.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.authstack.it.Api;
import dev.authstack.it.Processes;

/**
 * The compose project that scripts/test-containers.sh built and started (never this test): its published port, its
 * containers/.env, and podman to look inside its containers. The shell passes HTTP_PORT, API_REPLICAS and WEB_REPLICAS
 * in the environment, as make start read them, and CONTAINERS_CONF, the project's podman settings.
 */
final class RunningContainers {

    static final String PROJECT = "auth-stack";
    private static final String LABEL = "label=io.podman.compose.project=" + PROJECT;

    final URI base = URI.create("http://127.0.0.1:" + required("HTTP_PORT") + "/");
    final int apiReplicas = Integer.parseInt(System.getenv().getOrDefault("API_REPLICAS", "2"));
    final int webReplicas = Integer.parseInt(System.getenv().getOrDefault("WEB_REPLICAS", "2"));
    /** nginx, postgres, redis, redis-replica, three Sentinels, and the API and web instances. */
    final int expectedContainers = 7 + apiReplicas + webReplicas;
    private final Map<String, String> env = readEnv(Processes.projectRoot().resolve("containers/.env"));

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: ContainersIT runs from scripts/test-containers.sh (make test-containers)");
        }
        return value;
    }

    private static Map<String, String> readEnv(Path file) {
        try {
            Map<String, String> values = new java.util.HashMap<>();
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (equals > 0 && !line.startsWith("#")) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value of containers/.env, which make start gave the containers. */
    String env(String key) {
        String value = env.get(key);
        if (value == null) {
            throw new IllegalStateException("containers/.env has no " + key);
        }
        return value;
    }

    /** The API through nginx, at /api/v1/. */
    Api api() {
        return new Api(base.resolve("/api/v1/"));
    }

    /** The web app and the health endpoints through nginx, at /. */
    Api site() {
        return new Api(base);
    }

    /** The container of a service that has one, as podman-compose names it. */
    static String container(String service) {
        return PROJECT + "_" + service + "_1";
    }

    /** The running containers of a compose service, by name, sorted. */
    List<String> containers(String service) {
        return lines(podman("ps", "--format", "{{.Names}}", "--filter", LABEL, "--filter", "label=com.docker.compose.service=" + service))
                .stream().sorted().toList();
    }

    /** Every running container of the project, by name. */
    List<String> runningContainers() {
        return lines(podman("ps", "--format", "{{.Names}}", "--filter", LABEL));
    }

    /** Every container of the project, running or not, by name. */
    static List<String> allContainers() {
        return lines(podman("ps", "-a", "--format", "{{.Names}}", "--filter", LABEL));
    }

    List<String> volumes() {
        return lines(podman("volume", "ls", "-q", "--filter", LABEL));
    }

    /**
     * A container's address on the proxies' network, the one nginx logs and every app container is on (web instances
     * are on the grid too, API instances on the backend): a container on several networks has an address on each.
     */
    String address(String container) {
        return podman("inspect", "--format", "{{(index .NetworkSettings.Networks \"" + PROJECT + "_proxies\").IPAddress}}", container).strip();
    }

    static String logs(String container) {
        return podmanForResult(List.of("podman", "logs", container), 120).output();
    }

    /** podman with these arguments; fails the test when podman fails. */
    static String podman(String... arguments) {
        Processes.Result result = podmanForResult(command("podman", arguments), 180);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("podman " + String.join(" ", arguments) + " exited " + result.exitCode() + ": " + result.output());
        }
        return result.output();
    }

    /** The command run inside the container; errors are part of the output, for the checks that expect a refusal. */
    static Processes.Result exec(String container, String... command) {
        List<String> full = new ArrayList<>(List.of("podman", "exec", container));
        full.addAll(List.of(command));
        return podmanForResult(full, 180);
    }

    private static Processes.Result podmanForResult(List<String> command, long timeoutSeconds) {
        return Processes.runForResult(command, Map.of(), timeoutSeconds);
    }

    private static List<String> command(String first, String... rest) {
        List<String> command = new ArrayList<>(List.of(first));
        command.addAll(List.of(rest));
        return command;
    }

    static List<String> lines(String output) {
        return output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /**
     * Every container of the project runs its own healthcheck (podman runs them only on demand where no systemd timer
     * exists) until all pass; false, with podman's view of them printed, when the bound passes first.
     */
    boolean awaitHealthy(Duration bound) {
        Instant deadline = Instant.now().plus(bound);
        while (Instant.now().isBefore(deadline)) {
            long healthy = lines(podman("ps", "-q", "--filter", LABEL)).stream()
                    .filter(id -> podmanForResult(List.of("podman", "healthcheck", "run", id), 60).exitCode() == 0)
                    .count();
            if (healthy >= expectedContainers) {
                return true;
            }
            pause(Duration.ofSeconds(2));
        }
        System.out.println(podman("ps", "-a", "--filter", LABEL, "--format", "{{.Names}} {{.Status}}"));
        return false;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
