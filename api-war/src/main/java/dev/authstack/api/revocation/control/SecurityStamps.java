package dev.authstack.api.revocation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads the users' security stamps, the durable truth behind token revocation on user changes. A change increments a
 * stamp and announces it before it commits, so a reader that must not miss an announced but uncommitted change waits
 * for it: {@link #settled()} and {@link #settledStampOf} take share locks, which wait for writers in flight.
 */
@ApplicationScoped
public class SecurityStamps {

    @PersistenceContext
    EntityManager em;

    /** Every user's stamp, once no change to the table is in flight. */
    @Transactional
    public Map<Long, Long> settled() {
        em.createNativeQuery("SET LOCAL lock_timeout = '5s'").executeUpdate();
        em.createNativeQuery("LOCK TABLE users IN SHARE MODE").executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, security_stamp FROM users").getResultList();
        Map<Long, Long> stamps = new HashMap<>(rows.size() * 2);
        for (Object[] row : rows) {
            stamps.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return stamps;
    }

    /** One user's stamp once no change to it is in flight; empty when the user does not exist. */
    @Transactional
    public OptionalLong settledStampOf(long userId) {
        em.createNativeQuery("SET LOCAL lock_timeout = '5s'").executeUpdate();
        return first(em.createNativeQuery("SELECT security_stamp FROM users WHERE id = ? FOR SHARE").setParameter(1, userId).getResultList());
    }

    /** One user's committed stamp, without waiting; empty when the user does not exist. */
    public OptionalLong stampOf(long userId) {
        return first(em.createNativeQuery("SELECT security_stamp FROM users WHERE id = ?").setParameter(1, userId).getResultList());
    }

    private static OptionalLong first(List<?> rows) {
        return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) rows.get(0)).longValue());
    }
}
