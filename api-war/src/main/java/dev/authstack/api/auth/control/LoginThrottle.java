package dev.authstack.api.auth.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;


import dev.authstack.api.contract.CanonicalUsername;
import dev.authstack.api.http.control.ClientAddresses;
import dev.authstack.api.keys.control.MasterKey;
import dev.authstack.api.keys.control.PurposeKey;
import dev.authstack.api.redis.control.Redis;

/**
 * Limits password guessing, for every instance at once (the counts live in Redis):
 * <ul>
 * <li>per account: after {@code LOGIN_FREE_FAILURES} consecutive failures each further attempt must wait, the wait
 * doubling from 1 s up to {@code LOGIN_MAX_WAIT_SECONDS}; a success resets it, and failures are forgotten
 * {@code LOGIN_FAILURE_RESET_SECONDS} after the last one. Never a lockout for good.</li>
 * <li>per client address: at most {@code LOGIN_ADDRESS_FAILURES} failures per {@code LOGIN_ADDRESS_WINDOW_SECONDS},
 * across all accounts, against one password sprayed over many accounts.</li>
 * </ul>
 * An attempt is counted as a failure before the password is checked, in one atomic step with the check of the wait,
 * and uncounted when it succeeds: a thousand concurrent guesses cannot slip past a wait that one of them starts.
 * <p>
 * A login that presents a live device token of the account ({@link DeviceTokens}) is counted per device instead, and
 * neither the account's wait nor the address's budget applies to it: after {@code LOGIN_DEVICE_FAILURES} consecutive
 * failures the device is no longer trusted, for {@code LOGIN_DEVICE_LOCKOUT_SECONDS} after the last of them, and its
 * logins are then counted like any other. So an attacker who keeps an account at its longest wait does not keep its
 * owner's known devices out, and one who steals a device token gets that device's few attempts and no more. A login
 * on a device leaves the account's count alone: the owner's success must not hand the attacker fresh free failures.
 * <p>
 * Accounts are keyed by an HMAC of the name's {@link CanonicalUsername canonical form} (a name outside the rule, which
 * is nobody's, by an HMAC of itself), never the name itself: people type passwords into the username field, and Redis
 * must not hold them. Addresses are counted per {@link ClientAddresses#limitedBlock block}: an IPv6 client per /64.
 */
@ApplicationScoped
public class LoginThrottle {

    static final String ACCOUNT = "auth:throttle:account:";
    static final String ADDRESS = "auth:throttle:address:";
    static final String DEVICE = "auth:throttle:device:";

    /**
     * Spends one attempt of an address's budget: 0 when the attempt may go on, or the milliseconds until the window
     * ends. Shared by both scripts below, so a login and a refresh count against one budget in one way.
     */
    private static final String SPEND_ADDRESS = """
            local function spendAddress(key, budget, windowSeconds)
              if tonumber(redis.call('GET', key) or '0') >= budget then
                local ttl = redis.call('PTTL', key)
                if ttl < 0 then ttl = windowSeconds * 1000 end
                return ttl
              end
              redis.call('INCR', key)
              if redis.call('TTL', key) < 0 then redis.call('EXPIRE', key, windowSeconds) end
              return 0
            end
            """;

    /** Answers {0, 0} when the attempt may go on, or {1 or 2, milliseconds to wait} for the account or the address. */
    private static final String BEGIN = SPEND_ADDRESS + """
            local now = tonumber(ARGV[1])
            local allowedAt = tonumber(redis.call('HGET', KEYS[1], 'allowed_at') or '0')
            if allowedAt > now then
              -- A request whose clock was read before another's set the wait would see more than the longest wait.
              return {1, math.min(allowedAt - now, tonumber(ARGV[3]) * 1000)}
            end
            local addressWait = spendAddress(KEYS[2], tonumber(ARGV[5]), tonumber(ARGV[6]))
            if addressWait > 0 then
              return {2, addressWait}
            end
            local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
            local free = tonumber(ARGV[2])
            if failures >= free then
              local wait = math.min(2 ^ math.min(failures - free, 40), tonumber(ARGV[3])) * 1000
              redis.call('HSET', KEYS[1], 'allowed_at', string.format('%d', now + wait))
            end
            redis.call('EXPIRE', KEYS[1], ARGV[4])
            return {0, 0}
            """;

    /** The address half of {@link #BEGIN}: answers 0 when the attempt may go on, or the milliseconds to wait. */
    private static final String BEGIN_UNNAMED = SPEND_ADDRESS + """
            return spendAddress(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]))
            """;

    /** Answers 0 when the attempt may go on as the device's, or 1 when the device has used up its failures. */
    private static final String BEGIN_ON_DEVICE = """
            if tonumber(redis.call('GET', KEYS[1]) or '0') >= tonumber(ARGV[1]) then
              return 1
            end
            redis.call('INCR', KEYS[1])
            redis.call('EXPIRE', KEYS[1], ARGV[2])
            return 0
            """;

    /** Uncounts one attempt of an address or a device. */
    private static final String SUCCEEDED_UNNAMED = """
            if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
            return 0
            """;

    private static final String SUCCEEDED = """
            redis.call('DEL', KEYS[1])
            if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
            return 0
            """;

    @Inject
    Redis redis;

    @Inject
    MasterKey masterKey;

    @Inject
    @ConfigProperty(name = "login.free.failures")
    int freeFailures;

    @Inject
    @ConfigProperty(name = "login.max.wait.seconds")
    long maxWaitSeconds;

    @Inject
    @ConfigProperty(name = "login.failure.reset.seconds")
    long failureResetSeconds;

    @Inject
    @ConfigProperty(name = "login.address.failures")
    long addressFailures;

    @Inject
    @ConfigProperty(name = "login.address.window.seconds")
    long addressWindowSeconds;

    @Inject
    @ConfigProperty(name = "login.device.failures")
    long deviceFailures;

    @Inject
    @ConfigProperty(name = "login.device.lockout.seconds")
    long deviceLockoutSeconds;

    Clock clock = Clock.systemUTC();

    private PurposeKey accountKey;

    /**
     * An attempt that was let through: counted as a failure until {@link #succeeded} says otherwise, either against its
     * account and address, or against its device alone.
     */
    public record Attempt(String accountKey, String addressKey, String deviceKey) {
    }

    @PostConstruct
    void init() {
        // A key of its own, derived for this purpose only: the throttle's keys in Redis reveal no username.
        accountKey = masterKey.keyFor("login throttle");
    }

    /** Counts the attempt, or refuses it (429) without counting while the account or the address must wait. */
    public Attempt begin(String username, String clientAddress) {
        String account = CanonicalUsername.of(username).map(CanonicalUsername::value).orElse(username);
        Attempt attempt = new Attempt(ACCOUNT + HexFormat.of().formatHex(accountKey.tag(account.getBytes(StandardCharsets.UTF_8))),
                ADDRESS + ClientAddresses.limitedBlock(clientAddress), null);
        Object answer = redis.call(client -> client.eval(BEGIN, List.of(attempt.accountKey(), attempt.addressKey()), List.of(
                String.valueOf(clock.millis()), String.valueOf(freeFailures), String.valueOf(maxWaitSeconds),
                String.valueOf(failureResetSeconds), String.valueOf(addressFailures), String.valueOf(addressWindowSeconds))));
        List<?> verdict = (List<?>) answer;
        long code = ((Number) verdict.get(0)).longValue();
        if (code != 0) {
            long waitMillis = ((Number) verdict.get(1)).longValue();
            throw new LoginThrottledException(Math.max(1, (waitMillis + 999) / 1000), code == 2);
        }
        return attempt;
    }

    /**
     * Counts an attempt that names no account (a refresh) against the client's address alone, or refuses it (429)
     * while the address must wait.
     */
    public Attempt beginUnnamed(String clientAddress) {
        Attempt attempt = new Attempt(null, ADDRESS + ClientAddresses.limitedBlock(clientAddress), null);
        Object answer = redis.call(client -> client.eval(BEGIN_UNNAMED, List.of(attempt.addressKey()), List.of(
                String.valueOf(addressFailures), String.valueOf(addressWindowSeconds))));
        long waitMillis = ((Number) answer).longValue();
        if (waitMillis > 0) {
            throw new LoginThrottledException(Math.max(1, (waitMillis + 999) / 1000), true);
        }
        return attempt;
    }

    /**
     * Counts the attempt against the device of a live device token ({@link DeviceTokens#deviceOf}) alone; empty when
     * the device has used up its failures, and the attempt must then be counted like one without a device token.
     */
    public Optional<Attempt> beginOnDevice(String deviceId) {
        Attempt attempt = new Attempt(null, null, DEVICE + deviceId);
        Object answer = redis.call(client -> client.eval(BEGIN_ON_DEVICE, List.of(attempt.deviceKey()), List.of(
                String.valueOf(deviceFailures), String.valueOf(deviceLockoutSeconds))));
        return ((Number) answer).longValue() == 0 ? Optional.of(attempt) : Optional.empty();
    }

    public void succeeded(Attempt attempt) {
        if (attempt.deviceKey() != null) {
            // Not a reset: the login answers a token of a new device, and a stolen copy of this one keeps its count.
            redis.call(client -> client.eval(SUCCEEDED_UNNAMED, List.of(attempt.deviceKey()), List.of()));
            return;
        }
        if (attempt.accountKey() == null) {
            redis.call(client -> client.eval(SUCCEEDED_UNNAMED, List.of(attempt.addressKey()), List.of()));
            return;
        }
        redis.call(client -> client.eval(SUCCEEDED, List.of(attempt.accountKey(), attempt.addressKey()), List.of()));
    }
}
