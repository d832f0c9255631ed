package dev.authstack.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL cluster of the tests' own on a spare port, which a test may stop and start again. Made with Debian's
 * initdb and pg_ctl, run as the postgres user (PostgreSQL refuses to run as root), under target/.
 */
public final class PrivatePostgres {

    private final int port = Processes.freePort();
    private final Path directory;
    private final String bin;

    public PrivatePostgres(Path directory) {
        this.directory = directory.toAbsolutePath();
        this.bin = Processes.run(List.of("bash", "-c", "ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1"), Map.of(), 10).strip();
    }

    public int port() {
        return port;
    }

    /** Creates the cluster, starts it, and makes the authdemo role and database from sql/ with scripts/provision.sh. */
    public void create(String database) {
        try {
            Processes.run(List.of("rm", "-rf", directory.toString()), Map.of(), 30);
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Processes.run(List.of("chown", "postgres:postgres", directory.toString()), Map.of(), 10);
        asPostgres(bin + "/initdb", "-D", data(), "-A", "trust", "-U", "postgres", "--no-sync");
        start();
        Processes.run(List.of("bash", "scripts/provision.sh"), Map.of("DB_PORT", String.valueOf(port), "DB_NAME", database,
                "PG_SOCKET_DIR", directory.toString()), 120);
    }

    public void start() {
        asPostgres(bin + "/pg_ctl", "-D", data(), "-w", "-l", directory.resolve("postgres.log").toString(),
                "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        Processes.awaitPort(port, true, "PostgreSQL");
    }

    /** A fast shutdown: sessions are cut, as when the database host goes away. */
    public void stop() {
        asPostgres(bin + "/pg_ctl", "-D", data(), "-w", "-m", "fast", "stop");
        Processes.awaitPort(port, false, "PostgreSQL");
    }

    public void destroy() {
        if (answers()) {
            stop();
        }
        Processes.runForResult(List.of("rm", "-rf", directory.toString()), Map.of(), 30);
    }

    public boolean answers() {
        return Processes.answers(port);
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private void asPostgres(String... command) {
        var full = new java.util.ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        Processes.run(full, Map.of(), 120);
    }

}
