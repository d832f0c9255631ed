package dev.authstack.api.redis.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import dev.authstack.api.metrics.control.Metrics;
import dev.authstack.api.problems.entity.BackendUnavailableException;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The connection pool to Redis ({@code REDIS_URL}). Short timeouts on connecting, on each command and on waiting for a
 * pooled connection make an unreachable Redis a quick 503 instead of a hung request; the pool reconnects by itself
 * when Redis returns. Every failure of {@link #call} and {@link #config} leaves here as
 * {@link BackendUnavailableException}; {@link #dedicatedConnection} hands its subscriber a raw connection whose
 * failures that subscriber handles itself.
 */
@ApplicationScoped
public class Redis {

    @Inject
    @ConfigProperty(name = "redis.url")
    String url;

    @Inject
    @ConfigProperty(name = "redis.timeout.millis")
    int timeoutMillis;

    @Inject
    @ConfigProperty(name = "redis.pool.size")
    int poolSize;

    @Inject
    Metrics metrics;

    private JedisPooled client;
    private HostAndPort address;
    private JedisClientConfig clientConfig;

    @PostConstruct
    void connect() {
        URI uri = URI.create(url);
        address = JedisURIHelper.getHostAndPort(uri);
        clientConfig = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .clientName("auth-stack-api")
                .build();
        var poolConfig = new GenericObjectPoolConfig<Connection>();
        poolConfig.setMaxTotal(poolSize);
        poolConfig.setMaxIdle(poolSize);
        poolConfig.setMinIdle(Math.min(4, poolSize));
        poolConfig.setMaxWait(Duration.ofMillis(timeoutMillis));
        poolConfig.setBlockWhenExhausted(true);
        poolConfig.setJmxEnabled(false);
        client = new JedisPooled(poolConfig, address, clientConfig);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public <T> T call(Function<JedisPooled, T> command) {
        try {
            return command.apply(client);
        } catch (JedisException e) {
            metrics.backendUnavailable(Metrics.REDIS);
            throw new BackendUnavailableException("Redis", e);
        }
    }

    /** A connection of its own, outside the pool, for a subscriber that holds it for as long as it listens. */
    public Jedis dedicatedConnection() {
        return new Jedis(address, clientConfig);
    }

    /** Configuration parameters, read on a short-lived connection of their own (the pool's client cannot). */
    public Map<String, String> config(String... names) {
        try (Jedis jedis = dedicatedConnection()) {
            return jedis.configGet(names);
        } catch (JedisException e) {
            throw new BackendUnavailableException("Redis", e);
        }
    }

    public boolean ping() {
        return "PONG".equals(call(JedisPooled::ping));
    }
}
