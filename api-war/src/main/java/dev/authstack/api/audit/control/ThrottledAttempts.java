package dev.authstack.api.audit.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.authstack.api.audit.entity.AuditEvent;
import dev.authstack.api.auth.entity.LoginEvent;
import dev.authstack.api.contract.CanonicalUsername;
import dev.authstack.api.http.control.ClientAddresses;

/**
 * Throttled logins, counted instead of written one by one: they cost an attacker almost nothing, and must not cost the
 * trail more. Within a window, the first throttled attempt of an account (or of an address, when the address is what
 * is throttled) is recorded as it comes; the others are counted, and {@link #close} turns each count into one record.
 * At most {@code maxKeys} accounts and addresses are counted per window; attempts beyond are refused (and the caller
 * counts them as dropped). Thread-safe.
 */
final class ThrottledAttempts {

    enum Verdict {
        /** The first of its account or address in this window: record it now. */
        FIRST,
        /** Counted, to be recorded with the others when the window closes. */
        COUNTED,
        /** Neither: the window counts as many accounts and addresses as it may. */
        REFUSED
    }

    private static final class Count {
        final PendingLogin first;
        int more;

        Count(PendingLogin first) {
            this.first = first;
        }
    }

    private final int maxKeys;
    private Map<String, Count> window = new LinkedHashMap<>();

    ThrottledAttempts(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    synchronized Verdict count(PendingLogin attempt) {
        String key = keyOf(attempt);
        Count count = window.get(key);
        if (count != null) {
            count.more++;
            return Verdict.COUNTED;
        }
        if (window.size() >= maxKeys) {
            return Verdict.REFUSED;
        }
        window.put(key, new Count(attempt));
        return Verdict.FIRST;
    }

    /**
     * Ends the window: one record per account or address that had more than its first attempt, saying how many more,
     * at the time the window ends. An account's record names no address (a botnet's are many); an address's names the
     * address (an IPv6 client's /64) and no account.
     */
    List<PendingLogin> close(Instant end, Duration length) {
        Map<String, Count> closed;
        synchronized (this) {
            closed = window;
            window = new LinkedHashMap<>();
        }
        List<PendingLogin> records = new ArrayList<>();
        for (Count count : closed.values()) {
            if (count.more > 0) {
                LoginEvent first = count.first.event();
                boolean byAddress = isByAddress(first);
                String details = first.failure() + ": " + count.more + " attempts within " + length.toSeconds() + " s";
                AuditEvent.Origin origin = byAddress && count.first.origin() != null
                        ? new AuditEvent.Origin(ClientAddresses.limitedBlock(count.first.origin().address()), null) : null;
                records.add(new PendingLogin(LoginEvent.throttled(byAddress ? null : first.submittedUsername(), details), end, origin));
            }
        }
        return records;
    }

    private static String keyOf(PendingLogin attempt) {
        if (isByAddress(attempt.event())) {
            String address = attempt.origin() == null ? null : attempt.origin().address();
            return "address " + (address == null ? "unknown" : ClientAddresses.limitedBlock(address));
        }
        String name = attempt.event().submittedUsername();
        return "account " + CanonicalUsername.of(name).map(CanonicalUsername::value).orElse(name);
    }

    private static boolean isByAddress(LoginEvent event) {
        return LoginEvent.BY_ADDRESS.equals(event.failure());
    }
}
