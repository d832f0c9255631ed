package dev.authstack.api.health.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import dev.authstack.api.revocation.control.RevocationFeed;
import dev.authstack.api.redis.control.Redis;
import dev.authstack.api.redis.control.RedisDurability;

/**
 * Ready means both backends answer now; a load balancer sends no traffic to an instance that cannot serve it. Whether
 * Redis would forget logouts on a restart or under memory pressure is shown ({@code revocations}), not failed on.
 */
@Readiness
@ApplicationScoped
public class BackendsReadiness implements HealthCheck {

    @Resource(lookup = "jdbc/authdemo")
    DataSource database;

    @Inject
    Redis redis;

    @Inject
    RevocationFeed revocationFeed;

    @Inject
    RedisDurability redisDurability;

    @Override
    public HealthCheckResponse call() {
        boolean postgresql = answers(this::databaseAnswers);
        // Redis answering is not enough: until the revocation feed has synchronised, every token is refused.
        boolean redisUp = answers(redis::ping) && revocationFeed.isSynchronised();
        return HealthCheckResponse.named("backends")
                .withData("postgresql", postgresql ? "UP" : "DOWN")
                .withData("redis", redisUp ? "UP" : "DOWN")
                .withData("revocations", redisDurability.verdict())
                .withData("revocation_memory", revocationFeed.memory())
                .withData("revocation_feed_lag_millis", revocationFeed.lagMillis())
                .status(postgresql && redisUp)
                .build();
    }

    private boolean databaseAnswers() {
        try (Connection connection = database.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean answers(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
