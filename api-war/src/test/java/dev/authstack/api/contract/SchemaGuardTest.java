package dev.authstack.api.contract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.authstack.api.audit.entity.AuditEventType;
import dev.authstack.it.Processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database repeats rules of the contract as its own guard (sql/): it must guard the same rule, or a row the
 * API accepts could be refused by PostgreSQL, or the other way round.
 */
class SchemaGuardTest {

    @Test
    void theDatabaseChecksTheContractsUsernameRuleAndLengths() throws IOException {
        String schema = Files.readString(Processes.projectRoot().resolve("sql/01-init.sql"), StandardCharsets.UTF_8);
        assertTrue(schema.contains("CHECK (username ~ '^" + Username.PATTERN + "$')"), "the username check is " + Username.PATTERN);
        assertTrue(schema.contains("email         VARCHAR(" + EmailAddress.MAX_LENGTH + ")"), "e-mail addresses fit the column");
    }

    @Test
    void theDatabaseAcceptsEveryAuditEventTypeTheApiWrites() throws IOException {
        String check = Files.readString(Processes.projectRoot().resolve("sql/99-audit-event-types.sql"), StandardCharsets.UTF_8);
        Matcher list = Pattern.compile("CHECK \\(type IN \\(([^)]*)\\)\\)").matcher(check);
        assertTrue(list.find(), "the check on audit_events.type");
        Set<String> allowed = Pattern.compile("'([a-z_]+)'").matcher(list.group(1)).results()
                .map(match -> match.group(1)).collect(Collectors.toSet());
        Set<String> written = Arrays.stream(AuditEventType.values()).map(AuditEventType::jsonName).collect(Collectors.toSet());
        assertEquals(written, allowed);
    }
}
