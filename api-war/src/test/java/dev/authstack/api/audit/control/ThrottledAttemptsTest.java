package dev.authstack.api.audit.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.authstack.api.audit.entity.AuditEvent;
import dev.authstack.api.auth.entity.LoginEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ThrottledAttemptsTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);

    final ThrottledAttempts cut = new ThrottledAttempts(3);

    static PendingLogin throttled(String username, String why, String address) {
        return new PendingLogin(LoginEvent.throttled(username, why), NOW, new AuditEvent.Origin(address, "agent"));
    }

    @Test
    void anAccountsAttemptsFromManyAddressesAreOneFirstAndOneCount() {
        assertEquals(ThrottledAttempts.Verdict.FIRST, cut.count(throttled("alice", LoginEvent.BY_ACCOUNT, "198.18.0.1")));
        for (int i = 2; i <= 1_000; i++) {
            assertEquals(ThrottledAttempts.Verdict.COUNTED, cut.count(throttled(i % 2 == 0 ? "ALICE" : "alice", LoginEvent.BY_ACCOUNT, "198.18.3." + i % 250)));
        }
        List<PendingLogin> records = cut.close(NOW.plus(MINUTE), MINUTE);
        assertEquals(1, records.size());
        assertEquals("account: 999 attempts within 60 s", records.get(0).event().failure());
        assertEquals("alice", records.get(0).event().submittedUsername());
        assertNull(records.get(0).origin(), "a botnet's addresses are many");
        assertEquals(List.of(), cut.close(NOW.plus(MINUTE.multipliedBy(2)), MINUTE), "a new window starts empty");
        assertEquals(ThrottledAttempts.Verdict.FIRST, cut.count(throttled("alice", LoginEvent.BY_ACCOUNT, "198.18.0.1")));
    }

    @Test
    void anAddressIsCountedForItsAttemptsOnAnyAccountAndAnIpv6ClientPerSlash64() {
        cut.count(throttled("a1", LoginEvent.BY_ADDRESS, "2001:db8:1:2:0:0:0:1"));
        cut.count(throttled("a2", LoginEvent.BY_ADDRESS, "2001:db8:1:2:0:0:0:99"));
        cut.count(throttled("a3", LoginEvent.BY_ADDRESS, "2001:db8:1:2:ffff:0:0:1"));
        List<PendingLogin> records = cut.close(NOW, MINUTE);
        assertEquals(1, records.size());
        assertEquals("client address: 2 attempts within 60 s", records.get(0).event().failure());
        assertEquals("2001:db8:1:2::/64", records.get(0).origin().address());
        assertNull(records.get(0).event().submittedUsername(), "no account: the address is what was throttled");
    }

    @Test
    void aWindowCountsABoundedNumberOfAccountsAndAddresses() {
        for (int i = 0; i < 3; i++) {
            assertEquals(ThrottledAttempts.Verdict.FIRST, cut.count(throttled("user" + i, LoginEvent.BY_ACCOUNT, "192.0.2.1")));
        }
        assertEquals(ThrottledAttempts.Verdict.REFUSED, cut.count(throttled("user3", LoginEvent.BY_ACCOUNT, "192.0.2.1")));
        assertEquals(ThrottledAttempts.Verdict.COUNTED, cut.count(throttled("user0", LoginEvent.BY_ACCOUNT, "192.0.2.1")));
    }
}
