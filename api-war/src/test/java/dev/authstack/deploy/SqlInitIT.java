package dev.authstack.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.authstack.api.audit.entity.AuditEventType;
import dev.authstack.it.Processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sql/ initialises an empty database as the postgres image's entrypoint does (each file in order,
 * psql -v ON_ERROR_STOP=1, as the database owner), and running it all again, on a database that holds rows, changes
 * nothing.
 */
class SqlInitIT {

    static final String DATABASE = "authdemo_sql_it";

    @Test
    void initialisesAnEmptyDatabaseAndIsIdempotent() throws IOException {
        Processes.run(List.of("bash", "scripts/provision.sh"), Map.of("DB_NAME", DATABASE, "FRESH_DATABASE", "1"), 300);
        // provision.sh applied sql/ once already; start again from an empty schema to do exactly what the image does.
        psql("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");

        runSqlFiles();
        // A database in use holds events of every type the API writes; applying sql/ again must keep them all.
        for (AuditEventType type : AuditEventType.values()) {
            psql("INSERT INTO audit_events (type) VALUES ('" + type.jsonName() + "')");
        }
        String first = snapshot();
        runSqlFiles();
        String second = snapshot();

        assertEquals(first, second);
        assertEquals(String.valueOf(AuditEventType.values().length), psql("SELECT count(*) FROM audit_events").strip());
        assertEquals("0", psql("SELECT count(*) FROM users").strip(), "a deployment's database has no admin123");

        runSqlFiles("sql/development");
        runSqlFiles("sql/development");
        assertTrue(snapshot().contains("admin|admin@example.com|t|t"), "the development seed");
        assertEquals("1", psql("SELECT count(*) FROM users").strip());
    }

    private static void runSqlFiles() throws IOException {
        runSqlFiles("sql");
    }

    private static void runSqlFiles(String directory) throws IOException {
        List<Path> files;
        try (var listing = Files.list(Processes.projectRoot().resolve(directory))) {
            files = listing.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
        }
        assertTrue(!files.isEmpty());
        for (Path file : files) {
            List<String> command = new ArrayList<>(psqlCommand());
            command.addAll(List.of("-f", file.toString()));
            Processes.run(command, Map.of("PGPASSWORD", "authdemo"), 60);
        }
    }

    /** The schema and the data, as text. */
    private static String snapshot() {
        String schema = Processes.run(List.of("pg_dump", "-h", "127.0.0.1", "-U", "authdemo", "--schema-only",
                "--no-owner", DATABASE), Map.of("PGPASSWORD", "authdemo"), 60);
        // pg_dump wraps its output in \restrict lines with a random key per run.
        schema = schema.lines().filter(line -> !line.startsWith("\\restrict") && !line.startsWith("\\unrestrict"))
                .collect(java.util.stream.Collectors.joining("\n"));
        return schema + psql("SELECT id, username, email, is_admin, is_active, password_hash FROM users ORDER BY id");
    }

    private static String psql(String sql) {
        List<String> command = new ArrayList<>(psqlCommand());
        command.addAll(List.of("-tA", "-c", sql));
        return Processes.run(command, Map.of("PGPASSWORD", "authdemo"), 60);
    }

    private static List<String> psqlCommand() {
        return List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U", "authdemo", "-d", DATABASE);
    }
}
