package dev.authstack.api.metrics.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counters and timers the API keeps, each a line in the Prometheus text of {@code /metrics?scope=application}.
 * Every counter with every label it can have is registered at start-up, so that a scrape shows zeros rather than no
 * line at all: a rate over a line that appears only at the first failure is missed by most alerts. Each method is the
 * one line a feature adds where the thing happens; nothing here knows the features, so none of them comes to depend on
 * another through it. No label ever carries a user, an address or a token: only the words below and the API's own path
 * templates. Before {@link #register} (a unit test's {@code new Metrics()}) every method does nothing.
 */
@ApplicationScoped
public class Metrics {

    public static final String REDIS = "redis";
    public static final String POSTGRESQL = "postgresql";
    /** What a request that reached no resource method is timed as: refused before one (a 401) or to an unknown path. */
    public static final String NO_ENDPOINT = "none";

    static final String LOGINS = "auth_logins";
    static final String REFRESHES = "auth_refreshes";
    static final String REUSES = "auth_refresh_token_reuses";
    static final String PUBLISHED = "auth_revocations_published";
    static final String APPLIED = "auth_revocations_applied";
    static final String RESYNCHRONISATIONS = "auth_revocation_feed_resynchronisations";
    static final String BACKEND_UNAVAILABLE = "auth_backend_unavailable";
    static final String REQUESTS = "auth_requests";
    static final String REQUEST_TIME = "auth_request_microseconds";
    /**
     * Prometheus's default buckets, in microseconds, and +Inf. Counters rather than the platform's Timer: Payara 6's
     * Prometheus text gives a Timer's quantiles, mean and max in nanoseconds under a name ending in _seconds, and
     * interleaves their lines across labels (docs/deployment.md, "Metrics").
     */
    static final long[] BUCKETS_MICROS = {5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000,
        5_000_000, 10_000_000, Long.MAX_VALUE};
    /** The feed's kinds of message, its first word: a logout or an ended session, a user's new stamp, a deleted user, a rollback. */
    static final List<String> FEED_KINDS = List.of("token", "stamp", "deleted", "settle");

    @Inject
    MetricRegistry registry;

    /** By name and label value, as "auth_logins failed"; a counter without labels by its name alone. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Counter[]> requests = new ConcurrentHashMap<>();

    /** Makes the bean, and so its metrics, at start-up rather than at the first count. */
    void atStartUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // @PostConstruct has run
    }

    /** Whichever feature counts first, at start-up or later, finds every metric registered. */
    @PostConstruct
    void register() {
        register(LOGINS, "Logins by outcome: succeeded, failed (a wrong password, an unknown user, a deactivated account), "
                + "throttled (refused before the password was checked; a throttled password change counts here too).",
                "outcome", List.of("succeeded", "failed", "throttled"));
        register(REFRESHES, "Refresh tokens traded for the next pair.");
        register(REUSES, "Spent refresh tokens presented again; each ended its session.");
        register(PUBLISHED, "Messages this instance published on the revocation feed, by kind: token (a logout or an "
                + "ended session), stamp and deleted (a change to a user), settle (that change rolled back).", "kind", FEED_KINDS);
        register(APPLIED, "Messages of the revocation feed this instance applied, its own included, by kind.", "kind", FEED_KINDS);
        register(RESYNCHRONISATIONS, "Times the revocation feed (re)subscribed and read every revocation and stamp again.");
        register(BACKEND_UNAVAILABLE, "Redis commands and PostgreSQL calls that failed, and requests refused while the "
                + "revocation feed (Redis) is down: each a 503 for the request that waited on it, or a failed health check.",
                "backend", List.of(REDIS, POSTGRESQL));
    }

    public void loginSucceeded() {
        count(LOGINS + " succeeded");
    }

    public void loginFailed() {
        count(LOGINS + " failed");
    }

    public void loginThrottled() {
        count(LOGINS + " throttled");
    }

    public void refreshed() {
        count(REFRESHES);
    }

    public void refreshTokenReused() {
        count(REUSES);
    }

    /** {@code message}: the text published on the feed. Its first word is its kind; the rest (a token id) is dropped here. */
    public void revocationPublished(String message) {
        count(PUBLISHED + " " + kindOf(message));
    }

    /** {@code message}: the text received from the feed and applied. */
    public void revocationApplied(String message) {
        count(APPLIED + " " + kindOf(message));
    }

    public void feedResynchronised() {
        count(RESYNCHRONISATIONS);
    }

    /** {@code backend}: {@link #REDIS} or {@link #POSTGRESQL}. */
    public void backendUnavailable(String backend) {
        count(BACKEND_UNAVAILABLE + " " + backend);
    }

    /**
     * {@code endpoint}: the method and path template, such as {@code POST /auth/login}, or {@link #NO_ENDPOINT}. Counted
     * into every bucket the time fits, as a Prometheus histogram's buckets are, and added to the endpoint's total time.
     */
    public void requestTook(String endpoint, Duration time) {
        if (registry == null) {
            return;
        }
        Counter[] buckets = requests.computeIfAbsent(endpoint, this::requestCounters);
        long micros = time.toNanos() / 1000;
        for (int i = 0; i < BUCKETS_MICROS.length; i++) {
            if (micros <= BUCKETS_MICROS[i]) {
                buckets[i].inc();
            }
        }
        buckets[BUCKETS_MICROS.length].inc(micros);
    }

    /** One counter per bucket, the last bucket +Inf (every request), then the total time. */
    private Counter[] requestCounters(String endpoint) {
        Metadata requests = Metadata.builder().withName(REQUESTS).withDescription("Requests by endpoint (method and path "
                + "template; none: refused before any resource, or no such path) and by the time they took, at most le "
                + "seconds, as a Prometheus histogram's buckets: histogram_quantile works on them, and le=\"+Inf\" counts them all.").build();
        Counter[] counters = new Counter[BUCKETS_MICROS.length + 1];
        for (int i = 0; i < BUCKETS_MICROS.length; i++) {
            String le = BUCKETS_MICROS[i] == Long.MAX_VALUE ? "+Inf" : BigDecimal.valueOf(BUCKETS_MICROS[i], 6).stripTrailingZeros().toPlainString();
            counters[i] = registry.counter(requests, new Tag("endpoint", endpoint), new Tag("le", le));
        }
        counters[BUCKETS_MICROS.length] = registry.counter(Metadata.builder().withName(REQUEST_TIME)
                .withDescription("Total time of the requests by endpoint, in microseconds: over auth_requests_total{le=\"+Inf\"}, the mean.").build(),
                new Tag("endpoint", endpoint));
        return counters;
    }

    private void register(String name, String description) {
        counters.put(name, registry.counter(Metadata.builder().withName(name).withDescription(description).build()));
    }

    private void register(String name, String description, String label, List<String> values) {
        Metadata metadata = Metadata.builder().withName(name).withDescription(description).build();
        for (String value : values) {
            counters.put(name + " " + value, registry.counter(metadata, new Tag(label, value)));
        }
    }

    private void count(String key) {
        Counter counter = counters.get(key);
        if (counter != null) {
            counter.inc();
        }
    }

    static String kindOf(String message) {
        int space = message == null ? -1 : message.indexOf(' ');
        return space < 0 ? "" : message.substring(0, space);
    }
}
