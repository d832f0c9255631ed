package dev.authstack.api.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.authstack.api.auth.entity.AccessToken;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.args.ExpiryOption;
import redis.clients.jedis.params.SetParams;

/**
 * Revoked tokens, kept in Redis so that every instance sees a logout at once.
 * <ul>
 * <li>{@code auth:revoked:<jti>} exists while a revoked token could still pass the signature and expiry checks: it
 * expires at the token's {@code exp} plus the clock skew, so Redis never holds more than the live revocations. Its
 * value is that epoch second.</li>
 * <li>{@code auth:user-tokens:<user id>} is a sorted set of the user's live token ids scored by their {@code exp}, so
 * a change to the user (password, role, active flag, deletion) can revoke every token it holds, in one atomic step.</li>
 * </ul>
 * Every revocation is also published on {@link RevocationFeed#CHANNEL}; requests are checked against the feed's
 * in-memory copy, so a protected request costs no Redis round trip at all.
 */
@ApplicationScoped
public class Revocations {

    static final String REVOKED = "auth:revoked:";
    static final String USER_TOKENS = "auth:user-tokens:";

    /**
     * Moves every live token of a user into the revoked set and publishes each, atomically, so a login racing it is
     * not lost. Answers the token ids with the second each revocation lasts until.
     */
    private static final String REVOKE_ALL = """
            local tokens = redis.call('ZRANGE', KEYS[1], ARGV[1], '+inf', 'BYSCORE', 'WITHSCORES')
            local revoked = {}
            for i = 1, #tokens, 2 do
              local untilSecond = tonumber(tokens[i + 1]) + tonumber(ARGV[2])
              redis.call('SET', ARGV[3] .. tokens[i], untilSecond, 'EXAT', untilSecond)
              redis.call('PUBLISH', ARGV[4], tokens[i] .. ' ' .. untilSecond)
              table.insert(revoked, tokens[i])
              table.insert(revoked, tostring(untilSecond))
            end
            redis.call('DEL', KEYS[1])
            return revoked
            """;

    @Inject
    Redis redis;

    @Inject
    RevocationFeed feed;

    @Inject
    @ConfigProperty(name = "jwt.clock.skew.seconds")
    int clockSkewSeconds;

    Clock clock = Clock.systemUTC();

    /** Remembers a newly issued token under its user, so that a later change to the user can revoke it. */
    public void track(AccessToken token) {
        String key = USER_TOKENS + token.userId();
        long now = clock.instant().getEpochSecond();
        long until = token.expiresAt().getEpochSecond() + clockSkewSeconds;
        redis.call(client -> {
            try (AbstractPipeline pipeline = client.pipelined()) {
                pipeline.zremrangeByScore(key, Double.NEGATIVE_INFINITY, now - clockSkewSeconds);
                pipeline.zadd(key, token.expiresAt().getEpochSecond(), token.tokenId());
                pipeline.expireAt(key, until, ExpiryOption.GT);
                pipeline.expireAt(key, until, ExpiryOption.NX);
                pipeline.sync();
            }
            return null;
        });
    }

    public void revoke(String tokenId, Instant expiresAt) {
        long until = expiresAt.getEpochSecond() + clockSkewSeconds;
        if (until <= clock.instant().getEpochSecond()) {
            return;
        }
        redis.call(client -> {
            try (AbstractPipeline pipeline = client.pipelined()) {
                pipeline.set(REVOKED + tokenId, String.valueOf(until), SetParams.setParams().exAt(until));
                pipeline.publish(RevocationFeed.CHANNEL, RevocationFeed.message(tokenId, until));
                pipeline.sync();
            }
            return null;
        });
        feed.remember(tokenId, until);
    }

    /** Revokes every token the user holds; returns how many were live. */
    public long revokeAllOf(long userId) {
        long now = clock.instant().getEpochSecond();
        Object answer = redis.call(client -> client.eval(REVOKE_ALL, List.of(USER_TOKENS + userId),
                List.of(String.valueOf(now - clockSkewSeconds), String.valueOf(clockSkewSeconds), REVOKED, RevocationFeed.CHANNEL)));
        List<?> revoked = answer instanceof List<?> list ? list : List.of();
        for (int i = 0; i + 1 < revoked.size(); i += 2) {
            feed.remember(String.valueOf(revoked.get(i)), Long.parseLong(String.valueOf(revoked.get(i + 1))));
        }
        return revoked.size() / 2;
    }

    /** Answered from memory; throws {@link dev.authstack.api.problems.entity.BackendUnavailableException} while the feed is down. */
    public boolean isRevoked(String tokenId) {
        return feed.isRevoked(tokenId);
    }
}
