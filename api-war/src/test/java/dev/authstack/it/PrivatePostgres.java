package dev.authstack.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL cluster of the tests' own on a spare port, which a test may stop and start again. Made with Debian's
 * initdb and pg_ctl, run as the postgres user (PostgreSQL refuses to run as root).
 *
 * <p>The cluster does not live under the clone: postgres may not be allowed into the directories above it (a clone
 * under {@code /root}, mode 700, is the common case). It lives in a temporary directory made for it and handed to
 * postgres, which is also the directory the postgres commands start in. Its log is copied to the directory given to
 * the constructor when the cluster is destroyed.
 */
public final class PrivatePostgres {

    private final int port = Processes.freePort();
    private final Path logDirectory;
    private final String bin;
    private Path home;

    /** @param logDirectory where the server's log is left after {@link #destroy()}, for reading after the run */
    public PrivatePostgres(Path logDirectory) {
        this.logDirectory = logDirectory.toAbsolutePath();
        this.bin = Processes.run(List.of("bash", "-c", "ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1"), Map.of(), 10).strip();
    }

    public int port() {
        return port;
    }

    /** Creates the cluster, starts it, and makes the authdemo role and database from sql/ with scripts/provision.sh. */
    public void create(String database) {
        try {
            home = Files.createTempDirectory("authstack-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Processes.run(List.of("chown", "postgres:postgres", home.toString()), Map.of(), 10);
        asPostgres(bin + "/initdb", "-D", data(), "-A", "trust", "-U", "postgres", "--no-sync");
        start();
        Processes.run(List.of("bash", "scripts/provision.sh"), Map.of("DB_PORT", String.valueOf(port), "DB_NAME", database,
                "PG_SOCKET_DIR", home.toString()), 120);
    }

    public void start() {
        asPostgres(bin + "/pg_ctl", "-D", data(), "-w", "-l", log().toString(),
                "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        Processes.awaitPort(port, true, "PostgreSQL");
    }

    /** A fast shutdown: sessions are cut, as when the database host goes away. */
    public void stop() {
        asPostgres(bin + "/pg_ctl", "-D", data(), "-w", "-m", "fast", "stop");
        Processes.awaitPort(port, false, "PostgreSQL");
    }

    public void destroy() {
        if (home == null) {
            return;
        }
        if (answers()) {
            stop();
        }
        try {
            if (Files.exists(log())) {
                Files.createDirectories(logDirectory);
                Files.copy(log(), logDirectory.resolve("postgres.log"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Processes.runForResult(List.of("rm", "-rf", home.toString()), Map.of(), 30);
        }
    }

    public boolean answers() {
        return Processes.answers(port);
    }

    private String data() {
        return home.resolve("data").toString();
    }

    private Path log() {
        return home.resolve("postgres.log");
    }

    /** Runs a command as postgres, in the cluster's own directory: the project's root may be closed to postgres. */
    private void asPostgres(String... command) {
        var full = new java.util.ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        Processes.run(full, Map.of(), 120, home);
    }

}
