package dev.authstack.api.redis.control;

import java.util.Optional;

import dev.authstack.api.metrics.control.Metrics;

/** {@link Redis} made without the container, for tests of the classes that call it against a real server. */
public final class StandaloneRedis {

    private StandaloneRedis() {
    }

    /** A pool on one server, configured as {@code microprofile-config.properties} does by default. */
    public static Redis at(String url) {
        Redis redis = new Redis();
        redis.url = url;
        redis.sentinels = Optional.empty();
        redis.sentinelsPassword = Optional.empty();
        redis.masterName = "auth-stack";
        redis.timeoutMillis = 1000;
        redis.poolSize = 64;
        redis.metrics = new Metrics();
        redis.configure();
        return redis;
    }

    public static void close(Redis redis) {
        redis.close();
    }
}
