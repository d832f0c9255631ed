package dev.authstack.api.auth.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.authstack.api.problems.entity.BackendUnavailableException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * This instance's copy of the revoked token ids, so that a request checks revocation in memory instead of asking
 * Redis. Redis stays the source of truth: every revocation is published on {@link #CHANNEL}, this feed subscribes,
 * and after every (re)subscription it reads all {@code auth:revoked:*} keys before it calls itself synchronised, so
 * nothing published while it was away is missed.
 * <p>
 * Fail closed: while the subscription is down, or has not answered a ping within {@link #PING_TIMEOUT_MILLIS}, the
 * copy may be stale, and {@link #isRevoked} refuses to answer (503) rather than let a revoked token through. A
 * revocation made on another instance reaches this one within the publish latency (milliseconds, see the README).
 */
@ApplicationScoped
public class RevocationFeed {

    static final String CHANNEL = "auth:revocations";
    static final long PING_EVERY_MILLIS = 500;
    static final long PING_TIMEOUT_MILLIS = 1500;
    private static final System.Logger LOG = System.getLogger(RevocationFeed.class.getName());

    @Inject
    Redis redis;

    @Resource
    ManagedThreadFactory threads;

    Clock clock = Clock.systemUTC();

    /** Token id to the epoch second after which its revocation no longer matters (exp plus clock skew). */
    private final Map<String, Long> revoked = new ConcurrentHashMap<>();
    private volatile boolean synchronised;
    private volatile boolean running;
    private volatile long lastAnswerMillis;
    private volatile Jedis connection;
    private volatile JedisPubSub subscription;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        running = true;
        threads.newThread(this::listen).start();
        threads.newThread(this::watch).start();
    }

    @PreDestroy
    void stop() {
        running = false;
        disconnect();
    }

    public boolean isSynchronised() {
        return synchronised;
    }

    public boolean isRevoked(String tokenId) {
        if (!synchronised) {
            throw new BackendUnavailableException("Redis", null);
        }
        Long until = revoked.get(tokenId);
        return until != null && until >= clock.instant().getEpochSecond();
    }

    /** Takes a revocation made here at once, without waiting for it to come back through the channel. */
    void remember(String tokenId, long until) {
        revoked.put(tokenId, until);
    }

    /** The message published for one revocation: the token id and the epoch second it lasts until. */
    static String message(String tokenId, long until) {
        return tokenId + " " + until;
    }

    int size() {
        return revoked.size();
    }

    private void listen() {
        long backoff = 100;
        while (running) {
            try (Jedis jedis = redis.dedicatedConnection()) {
                connection = jedis;
                subscription = new Subscription();
                jedis.subscribe(subscription, CHANNEL);
            } catch (JedisException | BackendUnavailableException e) {
                if (synchronised || backoff == 100) {
                    LOG.log(WARNING, "revocation feed lost ({0}); protected requests answer 503 until it is back", e.getMessage());
                }
            } finally {
                // A feed that had synchronised was healthy: retry quickly; one that keeps failing, less often.
                backoff = synchronised ? 100 : Math.min(backoff * 2, 1000);
                synchronised = false;
                connection = null;
            }
            sleep(backoff);
        }
    }

    /** Pings through the subscription; a subscription that stops answering is dropped, which fails requests closed. */
    private void watch() {
        long lastSweep = System.currentTimeMillis();
        while (running) {
            sleep(PING_EVERY_MILLIS);
            JedisPubSub current = subscription;
            if (synchronised && current != null && current.isSubscribed()) {
                if (System.currentTimeMillis() - lastAnswerMillis > PING_TIMEOUT_MILLIS) {
                    LOG.log(WARNING, "revocation feed did not answer a ping for {0} ms; reconnecting", PING_TIMEOUT_MILLIS);
                    synchronised = false;
                    disconnect();
                } else {
                    try {
                        current.ping();
                    } catch (RuntimeException e) {
                        synchronised = false;
                        disconnect();
                    }
                }
            }
            if (System.currentTimeMillis() - lastSweep > 30_000) {
                long now = clock.instant().getEpochSecond();
                revoked.values().removeIf(until -> until < now);
                lastSweep = System.currentTimeMillis();
            }
        }
    }

    /** Reads every revocation Redis holds; entries this instance knows and Redis has lost are kept (fail safe). */
    private void resynchronise() {
        ScanParams keys = new ScanParams().match(Revocations.REVOKED + "*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        int read = 0;
        do {
            String position = cursor;
            var page = redis.call(client -> client.scan(position, keys));
            List<String> found = page.getResult();
            if (!found.isEmpty()) {
                List<String> values = redis.call(client -> client.mget(found.toArray(String[]::new)));
                for (int i = 0; i < found.size(); i++) {
                    if (values.get(i) != null) {
                        revoked.put(found.get(i).substring(Revocations.REVOKED.length()), until(values.get(i)));
                        read++;
                    }
                }
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        LOG.log(INFO, "revocation feed synchronised: {0} revoked tokens", read);
    }

    /** Revocations written before values carried their end (value "1") count for a day: long past any token. */
    private long until(String value) {
        try {
            long until = Long.parseLong(value);
            if (until > 1_000_000_000L) {
                return until;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        return clock.instant().getEpochSecond() + 86_400;
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Subscription extends JedisPubSub {

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            // Subscribed first, read second: what is published meanwhile waits on this connection, nothing is lost.
            try {
                resynchronise();
                lastAnswerMillis = System.currentTimeMillis();
                synchronised = true;
            } catch (RuntimeException e) {
                LOG.log(WARNING, "revocation feed could not read the revocations ({0})", e.getMessage());
                unsubscribe();
            }
        }

        @Override
        public void onMessage(String channel, String message) {
            lastAnswerMillis = System.currentTimeMillis();
            int space = message.indexOf(' ');
            if (space > 0) {
                revoked.put(message.substring(0, space), Long.parseLong(message.substring(space + 1)));
            }
        }

        @Override
        public void onPong(String pattern) {
            lastAnswerMillis = System.currentTimeMillis();
        }
    }
}
