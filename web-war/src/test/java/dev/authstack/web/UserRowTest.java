package dev.authstack.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import dev.authstack.api.contract.UserView;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A user as the pages show it: the role in words, times in UTC to the minute, "never" for no login. */
class UserRowTest {

    @Test
    void anAdministratorIsShownWithItsRoleAndTimesInUtc() {
        UserRow row = new UserRow(new UserView(7, "alice", "alice@example.org", true, false,
                Instant.parse("2026-11-25T14:03:45.794Z"), Instant.parse("2026-12-01T23:59:59Z")));
        assertEquals(7, row.getId());
        assertEquals("alice", row.getUsername());
        assertEquals("alice@example.org", row.getEmail());
        assertEquals(true, row.isAdmin());
        assertEquals(false, row.isActive());
        assertEquals("Administrator", row.getRole());
        assertEquals("2026-11-25 14:03 UTC", row.getCreatedAt());
        assertEquals("2026-12-01 23:59 UTC", row.getLastLoginAt());
    }

    @Test
    void aUserWhoNeverLoggedInSaysSo() {
        UserRow row = new UserRow(new UserView(8, "bob", "bob@example.org", false, true, Instant.parse("2026-01-02T03:04:05Z"), null));
        assertEquals("User", row.getRole());
        assertEquals("never", row.getLastLoginAt());
        assertEquals("2026-01-02 03:04 UTC", row.getCreatedAt());
    }
}
