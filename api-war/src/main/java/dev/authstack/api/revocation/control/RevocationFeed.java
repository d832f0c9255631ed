package dev.authstack.api.revocation.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.authstack.api.metrics.control.Metrics;
import dev.authstack.api.redis.control.Redis;
import dev.authstack.api.redis.control.RedisDurability;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.params.ScanParams;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * Keeps {@link KnownRevocations} up to date from the {@link #CHANNEL} channel, so that requests are checked in memory.
 * After every (re)subscription it reads everything again before it calls itself synchronised: the revoked token ids
 * from Redis and the security stamps from PostgreSQL, the durable truth. What is published meanwhile waits on the
 * subscription, so nothing is missed.
 * <p>
 * A watchdog on the platform's scheduler runs every {@link #TICK_MILLIS}: it starts the listener (a thread of the
 * platform's thread factory) when there is none, whatever ended the last one, with a backoff while Redis keeps
 * failing; it drops a subscription that Redis has not confirmed within {@link #SUBSCRIBE_TIMEOUT_MILLIS}; and it pings
 * through the subscription, dropping it when no pong came back within {@link #PING_TIMEOUT_MILLIS}. Only pongs count:
 * a pong queues behind every message published before its ping, so it measures how far behind this instance reads,
 * which a flood of messages (each one "an answer") would hide.
 * Fail closed: until the feed is synchronised, {@link Revocations} refuses every token (503).
 * A message that is not understood is ignored and logged (at most once a minute, with a short escaped prefix).
 */
@ApplicationScoped
public class RevocationFeed {

    static final String CHANNEL = "auth:revocations";
    static final long TICK_MILLIS = 100;
    static final long PING_EVERY_MILLIS = 500;
    static final long PING_TIMEOUT_MILLIS = 1500;
    static final long SUBSCRIBE_TIMEOUT_MILLIS = 3000;
    static final long SWEEP_EVERY_MILLIS = 30_000;
    static final long MIN_BACKOFF_MILLIS = 100;
    static final long MAX_BACKOFF_MILLIS = 2000;
    static final long GARBAGE_LOG_EVERY_MILLIS = 60_000;
    private static final System.Logger LOG = System.getLogger(RevocationFeed.class.getName());

    @Inject
    Redis redis;

    @Inject
    RedisDurability durability;

    @Inject
    SecurityStamps securityStamps;

    @Inject
    EndedSessions endedSessions;

    @Inject
    Metrics metrics;

    @Inject
    @ConfigProperty(name = "access.token.ttl.seconds")
    long accessTokenSeconds;

    @Inject
    @ConfigProperty(name = "jwt.clock.skew.seconds")
    long clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "revocation.memory.max.tokens")
    int maxTokens;

    @Inject
    @ConfigProperty(name = "revocation.memory.max.users")
    int maxUsers;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory managedThreads;

    Clock clock = Clock.systemUTC();
    ThreadFactory threads;
    /** The blocking subscription, run by the listener thread until it ends for any reason. */
    Runnable listening = this::listen;
    Supplier<HostAndPort> primaries = () -> redis.primary();
    Function<HostAndPort, Jedis> connections = address -> redis.connectionTo(address);

    KnownRevocations known;

    private volatile boolean synchronised;
    private volatile boolean subscribed;
    private volatile HostAndPort subscribedTo;
    private volatile long lastAnswerMillis;
    private volatile long lagMillis;
    private long listenerStartMillis;
    private long lastLeftOutLogMillis = Long.MIN_VALUE;
    private volatile Jedis connection;
    private volatile JedisPubSub subscription;
    private Thread listener;
    private long nextStartMillis;
    private long backoffMillis = MIN_BACKOFF_MILLIS;
    private long lastPingMillis;
    private long lastSweepMillis;
    private long lastGarbageLogMillis = Long.MIN_VALUE;
    private long garbageSinceLog;
    private ScheduledFuture<?> watchdog;

    @PostConstruct
    void bound() {
        known = new KnownRevocations(maxTokens, maxUsers);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        threads = managedThreads;
        watchdog = scheduler.scheduleWithFixedDelay(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        synchronised = false;
        disconnect();
    }

    public boolean isSynchronised() {
        return synchronised;
    }

    /**
     * What this instance knows. A method, not a field others read: through a CDI client proxy, a field read would find
     * the proxy's own copy, not the bean's.
     */
    KnownRevocations known() {
        return known;
    }

    /** How far behind this instance reads the channel: the last ping's round trip through the subscription. */
    public long lagMillis() {
        return lagMillis;
    }

    /** What the memory holds against its bounds, for readiness: an operator sees a flood, or an undersized limit. */
    public String memory() {
        return known.revokedTokenCount() + " revoked tokens (limit " + known.maxTokens() + "), " + known.stampCount()
                + " users (limit " + known.maxUsers() + ")"
                + (known.holdsEveryRevocation(clock.instant().getEpochSecond()) ? "" : "; at the limit: tokens are also checked in Redis");
    }

    /**
     * One round of the watchdog. Never throws: a scheduled task that throws is never run again, and the feed must
     * outlive any failure.
     */
    synchronized void tick() {
        try {
            long now = clock.millis();
            if (listener == null || !listener.isAlive()) {
                if (listener != null) {
                    listener = null;
                    synchronised = false;
                    // A feed that had been healthy retries at once; one that keeps failing, less and less often.
                    nextStartMillis = now + backoffMillis;
                    backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
                }
                if (now >= nextStartMillis) {
                    listener = threads.newThread(listening);
                    listenerStartMillis = now;
                    listener.start();
                }
            } else if (!subscribed) {
                if (now - listenerStartMillis > SUBSCRIBE_TIMEOUT_MILLIS) {
                    // Jedis waits for the confirmation without a timeout: a Redis that never sends it would hold the
                    // feed (and every protected request, 503) for good.
                    LOG.log(WARNING, "revocation feed: Redis did not confirm the subscription within {0} ms; reconnecting",
                            SUBSCRIBE_TIMEOUT_MILLIS);
                    disconnect();
                }
            } else if (synchronised) {
                backoffMillis = MIN_BACKOFF_MILLIS;
                HostAndPort primary = subscribedTo == null ? null : primaries.get();
                if (primary != null && !primary.equals(subscribedTo)) {
                    // Sentinel elected another primary: what is published there never reaches the old one, and what
                    // the old one took before it fell may be lost. Subscribe there and read everything again.
                    LOG.log(WARNING, "revocation feed: Redis's primary is now {0}; following it, protected requests answer "
                            + "503 until it has read everything again", primary);
                    synchronised = false;
                    disconnect();
                } else if (now - lastAnswerMillis > PING_TIMEOUT_MILLIS) {
                    LOG.log(WARNING, "revocation feed: no pong for {0} ms (Redis silent, or this instance reads too far behind); "
                            + "reconnecting, protected requests answer 503 meanwhile",
                            PING_TIMEOUT_MILLIS);
                    synchronised = false;
                    disconnect();
                } else if (now - lastPingMillis >= PING_EVERY_MILLIS) {
                    lastPingMillis = now;
                    ping();
                }
            }
            if (now - lastSweepMillis >= SWEEP_EVERY_MILLIS) {
                lastSweepMillis = now;
                known.forgetExpired(clock.instant().getEpochSecond());
            }
        } catch (Throwable e) {
            LOG.log(WARNING, "revocation feed watchdog: " + e, e);
        }
    }

    private void ping() {
        JedisPubSub current = subscription;
        if (current == null) {
            return;
        }
        try {
            current.ping(String.valueOf(clock.millis()));
        } catch (RuntimeException e) {
            synchronised = false;
            disconnect();
        }
    }

    /** Subscribes and listens until the connection ends; every way out ends this thread, and the watchdog starts another. */
    private void listen() {
        try {
            HostAndPort address = primaries.get();
            try (Jedis jedis = connections.apply(address)) {
                connection = jedis;
                subscription = new Subscription();
                subscribedTo = address;
                jedis.subscribe(subscription, CHANNEL);
            }
        } catch (RuntimeException e) {
            if (backoffMillis == MIN_BACKOFF_MILLIS) {
                LOG.log(WARNING, "revocation feed lost ({0}); protected requests answer 503 until it is back", e.getMessage());
            }
        } finally {
            synchronised = false;
            subscribed = false;
            connection = null;
            subscription = null;
        }
    }

    /** The epoch second past which no revocation heard now matters: the longest token life, with the skew, from now. */
    private long latestRevocation() {
        return clock.instant().getEpochSecond() + accessTokenSeconds + clockSkewSeconds;
    }

    /** Reads every revocation Redis holds and every stamp PostgreSQL holds; runs while new messages wait. */
    private void resynchronise() {
        ScanParams keys = new ScanParams().match(Revocations.REVOKED + "*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        int read = 0;
        // A connection of its own, made now, on the server just subscribed to: after Redis came back, the pool may still
        // hold connections to the server that went away, and each would fail one attempt before it is dropped.
        try (Jedis reader = connections.apply(subscribedTo)) {
            do {
                var page = reader.scan(cursor, keys);
                List<String> found = page.getResult();
                if (!found.isEmpty()) {
                    List<String> values = reader.mget(found.toArray(String[]::new));
                    for (int i = 0; i < found.size(); i++) {
                        long until = untilOf(values.get(i));
                        if (until > 0) {
                            revoked(found.get(i).substring(Revocations.REVOKED.length()), until);
                            read++;
                        }
                    }
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        }
        Map<String, Long> endedSessions = this.endedSessions.recent(accessTokenSeconds);
        endedSessions.forEach((sessionId, until) -> known.tokenRevoked(Revocations.ENDED_SESSION + sessionId, until + clockSkewSeconds));
        known.stampsAboutToBeRead();
        Map<Long, Long> stamps = securityStamps.settled();
        known.replaceStamps(stamps);
        durability.check();
        metrics.feedResynchronised();
        LOG.log(INFO, "revocation feed synchronised: {0} revoked tokens, {1} ended sessions, {2} users", read,
                endedSessions.size(), stamps.size());
    }

    /** A value that is not an epoch second (written by hand, or damaged) revokes for a day: long past any token. */
    private long untilOf(String value) {
        if (value == null) {
            return 0;
        }
        if (value.matches("[0-9]{10,18}")) {
            return Long.parseLong(value);
        }
        return clock.instant().getEpochSecond() + 86_400;
    }

    void synchronised() {
        lastAnswerMillis = clock.millis();
        subscribed = true;
        synchronised = true;
    }

    void received(String text) {
        FeedMessage message = FeedMessage.parse(text).orElse(null);
        if (message == null) {
            ignored(text);
            return;
        }
        if (message instanceof FeedMessage.TokenRevoked revoked) {
            revoked(revoked.tokenId(), revoked.until());
        } else if (message instanceof FeedMessage.StampChanged changed) {
            known.stampAnnounced(changed.userId(), changed.stamp());
        } else if (message instanceof FeedMessage.ChangeRolledBack rolledBack && known.takeUnsettled(rolledBack.userId())) {
            // A locking read of PostgreSQL, so only when a stamp was announced since the last one: a flood of settles
            // for one user costs one read, for users never announced none.
            known.settle(rolledBack.userId(), securityStamps.settledStampOf(rolledBack.userId()));
        }
        metrics.revocationApplied(text);
    }

    private void revoked(String tokenId, long until) {
        if (!known.tokenRevoked(tokenId, until, latestRevocation())) {
            long now = clock.millis();
            if (lastLeftOutLogMillis == Long.MIN_VALUE || now - lastLeftOutLogMillis >= GARBAGE_LOG_EVERY_MILLIS) {
                lastLeftOutLogMillis = now;
                LOG.log(WARNING, "revocation feed: the memory holds its limit of {0} revoked tokens; until those left out "
                        + "expire, every protected request also asks Redis (REVOCATION_MEMORY_MAX_TOKENS)", known.maxTokens());
            }
        }
    }

    /** A pong carries the time its ping was sent: the round trip through everything queued on the subscription. */
    void ponged(String sentMillis) {
        long now = clock.millis();
        if (sentMillis != null && sentMillis.matches("[0-9]{1,18}")) {
            lagMillis = Math.max(0, now - Long.parseLong(sentMillis));
        }
        lastAnswerMillis = now;
    }

    private void ignored(String text) {
        long now = clock.millis();
        garbageSinceLog++;
        if (lastGarbageLogMillis == Long.MIN_VALUE || now - lastGarbageLogMillis >= GARBAGE_LOG_EVERY_MILLIS) {
            LOG.log(WARNING, "revocation feed: ignored {0} message(s) that are not revocations, the last starting \"{1}\"",
                    garbageSinceLog, printablePrefix(text));
            lastGarbageLogMillis = now;
            garbageSinceLog = 0;
        }
    }

    /** At most 24 characters, anything but printable ASCII escaped: a log line must not be forged or flooded. */
    static String printablePrefix(String text) {
        StringBuilder prefix = new StringBuilder();
        int end = Math.min(text == null ? 0 : text.length(), 24);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            prefix.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return text != null && text.length() > end ? prefix + "..." : prefix.toString();
    }

    private void disconnect() {
        Jedis current = connection;
        if (current != null) {
            try {
                current.disconnect();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
    }

    private final class Subscription extends JedisPubSub {

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            subscribed = true;
            // Subscribed first, read second: what is published meanwhile waits on this connection, nothing is lost.
            try {
                resynchronise();
                synchronised();
            } catch (RuntimeException e) {
                LOG.log(WARNING, "revocation feed could not read the revocations ({0}); retrying", String.valueOf(e.getMessage()));
                unsubscribe();
            }
        }

        @Override
        public void onMessage(String channel, String message) {
            try {
                received(message);
            } catch (RuntimeException e) {
                // A message understood but not applied (PostgreSQL gone while settling a stamp): start afresh.
                LOG.log(WARNING, "revocation feed could not apply a message ({0}); resynchronising", String.valueOf(e.getMessage()));
                synchronised = false;
                unsubscribe();
            }
        }

        @Override
        public void onPong(String pattern) {
            ponged(pattern);
        }
    }
}
