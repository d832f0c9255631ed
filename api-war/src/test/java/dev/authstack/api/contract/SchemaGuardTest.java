package dev.authstack.api.contract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import dev.authstack.it.Processes;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database repeats two rules of the contract as its own guard (sql/): it must guard the same rule, or a row the
 * API accepts could be refused by PostgreSQL, or the other way round.
 */
class SchemaGuardTest {

    @Test
    void theDatabaseChecksTheContractsUsernameRuleAndLengths() throws IOException {
        String schema = Files.readString(Processes.projectRoot().resolve("sql/01-init.sql"), StandardCharsets.UTF_8);
        assertTrue(schema.contains("CHECK (username ~ '^" + Username.PATTERN + "$')"), "the username check is " + Username.PATTERN);
        assertTrue(schema.contains("email         VARCHAR(" + EmailAddress.MAX_LENGTH + ")"), "e-mail addresses fit the column");
    }
}
