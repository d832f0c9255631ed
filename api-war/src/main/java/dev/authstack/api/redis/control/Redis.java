package dev.authstack.api.redis.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.authstack.api.metrics.control.Metrics;
import dev.authstack.api.problems.entity.BackendUnavailableException;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisSentineled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.providers.SentineledConnectionProvider;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The connection pool to Redis: one Redis ({@code REDIS_URL}), or the primary that Redis Sentinel names
 * ({@code REDIS_SENTINELS}, {@code REDIS_MASTER_NAME}, {@code REDIS_SENTINELS_PASSWORD} when the Sentinels require
 * one; {@code REDIS_URL} then gives only the user, password and database).
 * With Sentinel, Jedis listens to the Sentinels and moves the pool to a new primary as soon as one is elected.
 * Short timeouts on connecting, on each command and on waiting for a pooled connection make an unreachable Redis a quick
 * 503 instead of a hung request; the pool reconnects by itself when Redis returns, and a pool that could not be made
 * (no Sentinel answered at start) is made again on the next call. Every failure of {@link #call} and {@link #config}
 * leaves here as {@link BackendUnavailableException}; {@link #connectionTo} hands its subscriber a raw connection whose
 * failures that subscriber handles itself.
 */
@ApplicationScoped
public class Redis {

    @Inject
    @ConfigProperty(name = "redis.url")
    String url;

    @Inject
    @ConfigProperty(name = "redis.sentinels")
    Optional<String> sentinels;

    @Inject
    @ConfigProperty(name = "redis.master.name")
    String masterName;

    /** Sentinel's own password ({@code requirepass} in sentinel.conf): a secret, so only from the environment. */
    @Inject
    @ConfigProperty(name = "redis.sentinels.password")
    Optional<String> sentinelsPassword;

    @Inject
    @ConfigProperty(name = "redis.timeout.millis")
    int timeoutMillis;

    @Inject
    @ConfigProperty(name = "redis.pool.size")
    int poolSize;

    @Inject
    Metrics metrics;

    private JedisClientConfig clientConfig;
    private volatile UnifiedJedis client;
    private volatile Supplier<HostAndPort> primary;

    @PostConstruct
    void configure() {
        URI uri = URI.create(url);
        clientConfig = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .clientName("auth-stack-api")
                .build();
        try {
            client();
        } catch (BackendUnavailableException e) {
            // Made again on the first call: until then, every call is a 503.
        }
    }

    private synchronized UnifiedJedis client() {
        if (client != null) {
            return client;
        }
        var poolConfig = new GenericObjectPoolConfig<Connection>();
        poolConfig.setMaxTotal(poolSize);
        poolConfig.setMaxIdle(poolSize);
        poolConfig.setMinIdle(Math.min(4, poolSize));
        poolConfig.setMaxWait(Duration.ofMillis(timeoutMillis));
        poolConfig.setBlockWhenExhausted(true);
        poolConfig.setJmxEnabled(false);
        // A connection is pinged before it is lent, and a dead one dropped for the next: after Redis restarts, the
        // first request already gets a live connection instead of one 503 for every connection to the server that
        // went away. One round trip more per call, on logins and refreshes; protected requests make no Redis call.
        poolConfig.setTestOnBorrow(true);
        Set<HostAndPort> sentinelAddresses = sentinelAddresses();
        if (sentinelAddresses.isEmpty()) {
            HostAndPort address = JedisURIHelper.getHostAndPort(URI.create(url));
            primary = () -> address;
            client = new JedisPooled(poolConfig, address, clientConfig);
        } else {
            JedisClientConfig sentinelConfig = DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis(timeoutMillis)
                    .socketTimeoutMillis(timeoutMillis)
                    .password(sentinelsPassword.filter(password -> !password.isEmpty()).orElse(null))
                    .clientName("auth-stack-api")
                    .build();
            try {
                var provider = new SentineledConnectionProvider(masterName, clientConfig, poolConfig, sentinelAddresses, sentinelConfig);
                primary = provider::getCurrentMaster;
                client = new JedisSentineled(provider);
            } catch (JedisException e) {
                throw new BackendUnavailableException("Redis", e);
            }
        }
        return client;
    }

    /** {@code host:port,host:port}; empty when Redis is one server at {@code REDIS_URL}. */
    Set<HostAndPort> sentinelAddresses() {
        Set<HostAndPort> addresses = new LinkedHashSet<>();
        for (String address : sentinels.orElse("").split(",")) {
            if (!address.isBlank()) {
                addresses.add(HostAndPort.from(address.strip()));
            }
        }
        return addresses;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    public <T> T call(Function<UnifiedJedis, T> command) {
        try {
            return command.apply(client());
        } catch (JedisException e) {
            metrics.backendUnavailable(Metrics.REDIS);
            throw new BackendUnavailableException("Redis", e);
        }
    }

    /** Where writes go now: {@code REDIS_URL}'s server, or the primary Sentinel last named. */
    public HostAndPort primary() {
        client();
        return primary.get();
    }

    /** A connection of its own, outside the pool, for a subscriber that holds it for as long as it listens. */
    public Jedis connectionTo(HostAndPort address) {
        return new Jedis(address, clientConfig);
    }

    /** Configuration parameters of the primary, read on a short-lived connection of its own (the pool's client cannot). */
    public Map<String, String> config(String... names) {
        try (Jedis jedis = connectionTo(primary())) {
            return jedis.configGet(names);
        } catch (JedisException e) {
            throw new BackendUnavailableException("Redis", e);
        }
    }

    public boolean ping() {
        return "PONG".equals(call(UnifiedJedis::ping));
    }
}
