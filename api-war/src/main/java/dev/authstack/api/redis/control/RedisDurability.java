package dev.authstack.api.redis.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

import dev.authstack.api.problems.entity.BackendUnavailableException;
import redis.clients.jedis.exceptions.JedisDataException;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * Whether Redis would forget what it holds (logouts): without persistence ({@code appendonly no} and no {@code save}
 * points) a restart loses everything, and with an eviction policy other than {@code noeviction} a full Redis drops
 * keys. Either way a logged-out token could be accepted again. Checked when the revocation feed (re)connects; a
 * change of verdict is logged once, and readiness shows it without failing on it (the operator decides).
 */
@ApplicationScoped
public class RedisDurability {

    private static final System.Logger LOG = System.getLogger(RedisDurability.class.getName());

    @Inject
    Redis redis;

    private volatile String verdict = "not checked yet";

    /** "kept", or why logouts may be lost. */
    public String verdict() {
        return verdict;
    }

    public void check() {
        String now;
        try {
            now = verdictOf(redis.config("appendonly", "save", "maxmemory-policy"));
        } catch (BackendUnavailableException e) {
            if (!(e.getCause() instanceof JedisDataException)) {
                return; // unreachable: the feed notices that by itself
            }
            // Managed Redis services often rename or forbid CONFIG.
            now = "unknown: Redis refused CONFIG GET";
        }
        if (!now.equals(verdict)) {
            if (now.equals("kept")) {
                LOG.log(INFO, "Redis keeps revocations across restarts and never evicts them");
            } else {
                LOG.log(WARNING, "Redis may lose revocations, so a logged-out token could be accepted again: {0}", now);
            }
        }
        verdict = now;
    }

    static String verdictOf(Map<String, String> config) {
        boolean appendOnly = "yes".equalsIgnoreCase(config.get("appendonly"));
        String save = config.getOrDefault("save", "");
        String policy = config.getOrDefault("maxmemory-policy", "noeviction");
        StringBuilder risks = new StringBuilder();
        if (!appendOnly && save.isBlank()) {
            risks.append("no persistence (appendonly no, no save points): a restart forgets every logout");
        }
        if (!"noeviction".equalsIgnoreCase(policy)) {
            risks.append(risks.isEmpty() ? "" : "; ").append("maxmemory-policy ").append(policy).append(": a full Redis evicts logouts");
        }
        return risks.isEmpty() ? "kept" : risks.toString();
    }
}
