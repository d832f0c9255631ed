package dev.authstack.api.keys.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.authstack.api.keys.entity.SigningKey;
import dev.authstack.api.keys.entity.SigningKeyRotated;

/**
 * The signing keys in PostgreSQL. Creating a key takes a transaction-scoped advisory lock first, so instances that
 * start, or administrators who rotate, at the same moment create one key between them, not one each.
 */
@ApplicationScoped
public class SigningKeys {

    private static final long KEYS_LOCK = 0x6175746873746b02L;

    @PersistenceContext
    EntityManager em;

    @Inject
    MasterKey masterKey;

    @Inject
    Event<SigningKeyRotated> rotated;

    @Transactional
    public List<SigningKey> all() {
        return em.createNamedQuery(SigningKey.ALL, SigningKey.class).getResultList();
    }

    /** The first key, signing at once, when the table is empty (a new installation); true when it created one. */
    @Transactional
    public boolean createFirstIfNone(Instant now) {
        lock();
        if (!all().isEmpty()) {
            return false;
        }
        em.persist(generate(now, now));
        return true;
    }

    /**
     * The key that takes over signing {@code publishAhead} from now: a new one, or the one already waiting to take
     * over (a second rotation before the first has begun adds nothing).
     */
    @Transactional
    public SigningKey rotate(Instant now, Duration publishAhead, boolean automatic) {
        lock();
        List<SigningKey> keys = all();
        Optional<SigningKey> waiting = keys.stream().filter(key -> key.signsFrom().isAfter(now)).findFirst();
        if (waiting.isPresent()) {
            return waiting.get();
        }
        SigningKey next = generate(now, now.plus(publishAhead));
        em.persist(next);
        rotated.fire(new SigningKeyRotated(next.kid(), next.signsFrom(), automatic));
        return next;
    }

    /** A rotation when the signing key has signed for {@code maxAge} by the time a new one would take over. */
    @Transactional
    public Optional<SigningKey> rotateIfOlderThan(Duration maxAge, Instant now, Duration publishAhead) {
        lock();
        List<SigningKey> keys = all();
        boolean waiting = keys.stream().anyMatch(key -> key.signsFrom().isAfter(now));
        Instant newestStart = keys.stream().map(SigningKey::signsFrom).filter(start -> !start.isAfter(now))
                .max(Instant::compareTo).orElse(Instant.MIN);
        if (waiting || newestStart.plus(maxAge).isAfter(now.plus(publishAhead))) {
            return Optional.empty();
        }
        return Optional.of(rotate(now, publishAhead, true));
    }

    @Transactional
    public void remove(Collection<String> kids) {
        if (!kids.isEmpty()) {
            em.createQuery("DELETE FROM SigningKey k WHERE k.kid IN :kids").setParameter("kids", kids).executeUpdate();
        }
    }

    private void lock() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + KEYS_LOCK + ")").getSingleResult();
    }

    private SigningKey generate(Instant now, Instant signsFrom) {
        try {
            ECKey generated = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
            // The RFC 7638 thumbprint: a key id derived from the key itself, the same wherever it is computed.
            String kid = generated.computeThumbprint().toString();
            ECKey key = new ECKey.Builder(generated).keyID(kid).build();
            return new SigningKey(kid, new KeySeal(masterKey).seal(key), now, signsFrom);
        } catch (JOSEException e) {
            throw new IllegalStateException("P-256 key generation is part of every JDK", e);
        }
    }
}
