package dev.authstack.web.containers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.authstack.it.Processes;

/**
 * PostgreSQL, Redis and the Sentinels of the running containers, as their own users see them. Each client runs inside
 * the store's own container with the credentials compose gave it, which the container's environment holds: the
 * passwords never reach a command line of this test.
 */
final class Stores {

    static final String POSTGRES = RunningContainers.container("postgres");
    static final String REDIS = RunningContainers.container("redis");
    static final String REDIS_REPLICA = RunningContainers.container("redis-replica");

    private Stores() {
    }

    /** What psql answers the API's role, errors included: over TCP with its role and password, as the API connects. */
    static Processes.Result asApi(String sql) {
        return RunningContainers.exec(POSTGRES, "sh", "-c",
                "PGPASSWORD=$API_DB_PASSWORD exec psql -X -q -t -A -h 127.0.0.1 -U \"$API_DB_USER\" -d \"$POSTGRES_DB\" -v ON_ERROR_STOP=1 -c \"$1\"",
                "_", sql);
    }

    /** redis-cli without credentials. */
    static String anonymousRedis(String... command) {
        return RunningContainers.exec(REDIS, with(List.of("redis-cli"), command)).output().strip();
    }

    /** redis-cli in that Redis container as the user whose name and password its environment holds in those variables. */
    static String redisAs(String container, String userVariable, String passwordVariable, String... command) {
        return RunningContainers.exec(container, with(List.of("sh", "-c",
                "eval \"user=\\$$1 password=\\$$2\"; shift 2; REDISCLI_AUTH=$password exec redis-cli --user \"$user\" \"$@\"",
                "_", userVariable, passwordVariable), command)).output().strip();
    }

    static String asApiRedis(String... command) {
        return redisAs(REDIS, "API_REDIS_USER", "API_REDIS_PASSWORD", command);
    }

    /** As the Sentinels' Redis user, which may run ROLE and INFO, which the API's user may not. */
    static String asSentinelUser(String container, String... command) {
        return redisAs(container, "REDIS_SENTINEL_USER", "REDIS_SENTINEL_PASSWORD", command);
    }

    private static String[] with(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    static String sentinel(int n, String... command) {
        return RunningContainers.exec(RunningContainers.container("sentinel-" + n),
                with(List.of("redis-cli", "-p", "26379"), command)).output();
    }

    /** A command to a Sentinel without the password the container's environment gives redis-cli (REDISCLI_AUTH). */
    static String sentinelWithoutPassword(int n, String... command) {
        return RunningContainers.exec(RunningContainers.container("sentinel-" + n),
                with(List.of("sh", "-c", "unset REDISCLI_AUTH; exec redis-cli -p 26379 \"$@\"", "_"), command)).output().strip();
    }

    /** "HOST PORT" as that Sentinel names the primary. */
    static String sentinelPrimary(int n) {
        return String.join(" ", RunningContainers.lines(sentinel(n, "SENTINEL", "get-master-addr-by-name", "auth-stack")));
    }

    /**
     * Whether, within the bound, all three Sentinels name HOST the primary, and each knows the one replica and the two
     * other Sentinels; prints what each names when not.
     */
    static boolean sentinelsAgree(String host, Duration bound) {
        Instant deadline = Instant.now().plus(bound);
        while (true) {
            int agreed = 0;
            for (int n = 1; n <= 3; n++) {
                if ((host + " 6379").equals(sentinelPrimary(n))) {
                    Map<String, String> primary = pairs(sentinel(n, "SENTINEL", "master", "auth-stack"));
                    if ("1".equals(primary.get("num-slaves")) && "2".equals(primary.get("num-other-sentinels"))) {
                        agreed++;
                    }
                }
            }
            if (agreed == 3) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                for (int n = 1; n <= 3; n++) {
                    System.out.println("   sentinel-" + n + ": primary " + sentinelPrimary(n));
                }
                return false;
            }
            RunningContainers.pause(Duration.ofSeconds(1));
        }
    }

    /** redis-cli's answer to SENTINEL master: a key on one line, its value on the next. */
    private static Map<String, String> pairs(String output) {
        List<String> lines = output.lines().toList();
        Map<String, String> pairs = new HashMap<>();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            pairs.put(lines.get(i).strip(), lines.get(i + 1).strip());
        }
        return pairs;
    }

    /** Whether that Redis is a replica whose link to its primary is up, within the bound; prints its view when not. */
    static boolean replicationUp(String container, Duration bound) {
        Instant deadline = Instant.now().plus(bound);
        while (!asSentinelUser(container, "INFO", "replication").contains("master_link_status:up")) {
            if (Instant.now().isAfter(deadline)) {
                asSentinelUser(container, "INFO", "replication").lines()
                        .filter(line -> line.matches("(role|master_host|master_link_status):.*"))
                        .forEach(line -> System.out.println("   " + line.strip()));
                return false;
            }
            RunningContainers.pause(Duration.ofSeconds(1));
        }
        return true;
    }
}
