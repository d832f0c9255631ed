package dev.authstack.api.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.authstack.api.audit.entity.AuditEvent;
import dev.authstack.api.audit.entity.AuditEventType;
import dev.authstack.api.contract.CanonicalUsername;

/** Reads the trail, newest first, one page at a time: the cursor is the id below which the next page starts. */
@ApplicationScoped
public class AuditEvents {

    @PersistenceContext
    EntityManager em;

    public record Page(List<AuditEvent> events, Long nextCursor) {
    }

    /** Every criterion may be null. {@code username} matches the acting user or the one acted on, regardless of case. */
    public Page find(CanonicalUsername username, AuditEventType type, Instant since, Long before, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEvent e WHERE 1 = 1");
        List<Object[]> parameters = new ArrayList<>();
        if (username != null) {
            jpql.append(" AND (LOWER(e.subjectUsername) = :username OR LOWER(e.actorUsername) = :username)");
            parameters.add(new Object[] {"username", username.value()});
        }
        if (type != null) {
            jpql.append(" AND e.type = :type");
            parameters.add(new Object[] {"type", type.jsonName()});
        }
        if (since != null) {
            jpql.append(" AND e.occurredAt >= :since");
            parameters.add(new Object[] {"since", since.atOffset(ZoneOffset.UTC)});
        }
        if (before != null) {
            jpql.append(" AND e.id < :before");
            parameters.add(new Object[] {"before", before});
        }
        TypedQuery<AuditEvent> query = em.createQuery(jpql.append(" ORDER BY e.id DESC").toString(), AuditEvent.class)
                .setMaxResults(limit + 1);
        parameters.forEach(parameter -> query.setParameter((String) parameter[0], parameter[1]));
        List<AuditEvent> found = query.getResultList();
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<AuditEvent> page = found.subList(0, limit);
        return new Page(page, page.get(limit - 1).getId());
    }

    /** Removes what is older than the retention; answers how many. */
    public int removeOlderThan(Instant oldest) {
        return em.createQuery("DELETE FROM AuditEvent e WHERE e.occurredAt < :oldest")
                .setParameter("oldest", oldest.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }
}
