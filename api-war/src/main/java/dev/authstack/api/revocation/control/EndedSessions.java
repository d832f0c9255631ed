package dev.authstack.api.revocation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the sessions that ended recently enough for their access tokens to be in use still: the durable truth behind
 * refusing the tokens of an ended session, read again whenever the feed resynchronises (a Redis that lost its data
 * cannot bring those tokens back).
 */
@ApplicationScoped
public class EndedSessions {

    @PersistenceContext
    EntityManager em;

    /** Session id to the epoch second until which its access tokens must be refused (before the clock skew). */
    public Map<String, Long> recent(long accessTokenSeconds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, ended_at FROM sessions WHERE ended_at > now() - make_interval(secs => ?)")
                .setParameter(1, accessTokenSeconds).getResultList();
        Map<String, Long> ended = new HashMap<>(rows.size() * 2);
        for (Object[] row : rows) {
            ended.put((String) row[0], epochSecond(row[1]) + accessTokenSeconds);
        }
        return ended;
    }

    private static long epochSecond(Object timestamp) {
        if (timestamp instanceof java.sql.Timestamp sql) {
            return sql.toInstant().getEpochSecond();
        }
        if (timestamp instanceof OffsetDateTime offset) {
            return offset.toEpochSecond();
        }
        throw new IllegalStateException("unexpected timestamp type " + timestamp.getClass());
    }
}
