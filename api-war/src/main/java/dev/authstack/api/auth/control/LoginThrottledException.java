package dev.authstack.api.auth.control;

import java.util.Map;

import dev.authstack.api.problems.entity.ProblemException;

/**
 * Too many failed logins for the account or from the address. The same answer whether the password would have been
 * right and whether the account exists: throttling must not tell either.
 */
public class LoginThrottledException extends ProblemException {

    private final long retryAfterSeconds;
    private final boolean byAddress;

    public LoginThrottledException(long retryAfterSeconds, boolean byAddress) {
        super(429, "login-throttled", "Too Many Requests",
                "Too many attempts; try again in " + retryAfterSeconds + (retryAfterSeconds == 1 ? " second." : " seconds."));
        this.retryAfterSeconds = retryAfterSeconds;
        this.byAddress = byAddress;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Whether the client address's budget ran out rather than the account's; for the audit trail only. */
    public boolean byAddress() {
        return byAddress;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", String.valueOf(retryAfterSeconds));
    }
}
