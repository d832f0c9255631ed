package dev.authstack.api.keys.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.authstack.api.keys.entity.SigningKey;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * This instance's view of the signing keys, read from PostgreSQL at start-up and every {@code keys.refresh.seconds}
 * after, so that signing and verifying never touch the database. Which key signs is a matter of time: the newest key
 * whose {@code signs_from} has come. Every instance reads the same rows, so every instance switches at the same
 * instant, provided it has read the new key by then: publish-ahead is longer than the refresh interval for that.
 * A key verifies until the key after it has signed for a token's lifetime plus the clock skew; then it leaves the
 * JWK Set and the table.
 */
@ApplicationScoped
public class KeyRing {

    private static final System.Logger LOG = System.getLogger(KeyRing.class.getName());

    @Inject
    SigningKeys store;

    @Inject
    MasterKey masterKey;

    @Inject
    @ConfigProperty(name = "access.token.ttl.seconds")
    long tokenLifetimeSeconds;

    @Inject
    @ConfigProperty(name = "jwt.clock.skew.seconds")
    long clockSkewSeconds;

    @Inject
    @ConfigProperty(name = "keys.publish.ahead.seconds")
    long publishAheadSeconds;

    @Inject
    @ConfigProperty(name = "keys.rotation.days")
    long rotationDays;

    @Inject
    @ConfigProperty(name = "keys.refresh.seconds")
    long refreshSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    Clock clock = Clock.systemUTC();

    /** Opened keys by id: a sealed key is opened once per instance, not at every refresh. */
    private final Map<String, ECKey> opened = new ConcurrentHashMap<>();
    private volatile List<Entry> entries = List.of();
    private ScheduledFuture<?> refresher;

    /** A key as this instance uses it; {@code verifiesUntil} is null while no later key has taken over. */
    public record Entry(String kid, Instant createdAt, Instant signsFrom, Instant verifiesUntil, ECKey key, ECPublicKey publicKey,
                        ECDSASigner signer) {

        public boolean verifiesAt(Instant now) {
            return verifiesUntil == null || now.isBefore(verifiesUntil);
        }

        public ECKey publicJwk() {
            return key.toPublicJWK();
        }

        @Override
        public String toString() {
            // The record's own toString would print the private key.
            return "KeyRing.Entry[kid=" + kid + ", signsFrom=" + signsFrom + ", verifiesUntil=" + verifiesUntil + "]";
        }
    }

    /** A ring of fixed keys that never reads the database, for tests and tools; the first key signs. */
    public static KeyRing of(Clock clock, long tokenLifetimeSeconds, ECKey... keys) {
        KeyRing ring = new KeyRing();
        ring.clock = clock;
        ring.tokenLifetimeSeconds = tokenLifetimeSeconds;
        List<Entry> entries = new ArrayList<>();
        Instant start = clock.instant().minusSeconds(1);
        for (int i = 0; i < keys.length; i++) {
            entries.add(entry(keys[i], start, i == 0 ? start : Instant.MAX, null));
        }
        ring.entries = List.copyOf(entries);
        return ring;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (store.createFirstIfNone(clock.instant())) {
            LOG.log(INFO, "created the first signing key (ES256): no key was stored yet");
        }
        // A key this MASTER_KEY cannot open stops the deployment here, with the reason.
        refresh();
        LOG.log(INFO, "signing keys: {0}", describe());
        refresher = scheduler.scheduleWithFixedDelay(this::maintain, refreshSeconds, refreshSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.cancel(false);
        }
    }

    /** The key that signs now. */
    public Entry signing() {
        Instant now = clock.instant();
        return entries.stream().filter(entry -> !entry.signsFrom().isAfter(now))
                .max(Comparator.comparing(Entry::signsFrom))
                .orElseThrow(() -> new IllegalStateException("no signing key has begun signing"));
    }

    /** The public key with this id, while it verifies; empty for an unknown or retired id. */
    public Optional<ECPublicKey> verificationKey(String kid) {
        Instant now = clock.instant();
        for (Entry entry : entries) {
            if (entry.kid().equals(kid)) {
                return entry.verifiesAt(now) ? Optional.of(entry.publicKey()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Every key that verifies now, including one published ahead of its first signature: the JWK Set's content. */
    public List<Entry> published() {
        Instant now = clock.instant();
        return entries.stream().filter(entry -> entry.verifiesAt(now)).toList();
    }

    /** How long a consumer may cache the JWK Set: well inside the publish-ahead, so it has a new key before it signs. */
    public long jwksMaxAgeSeconds() {
        return Math.max(0, Math.min(publishAheadSeconds / 2, 3600));
    }

    /** An administrator's rotation: the new (or already waiting) key, known to this instance at once. */
    public Entry rotate() {
        SigningKey next = store.rotate(clock.instant(), Duration.ofSeconds(publishAheadSeconds), false);
        refresh();
        return entries.stream().filter(entry -> entry.kid().equals(next.kid())).findFirst().orElseThrow();
    }

    /** Never throws: a scheduled task that throws is never run again. */
    void maintain() {
        try {
            if (rotationDays > 0) {
                store.rotateIfOlderThan(Duration.ofDays(rotationDays), clock.instant(), Duration.ofSeconds(publishAheadSeconds))
                        .ifPresent(key -> LOG.log(INFO, "signing key rotated automatically: {0} signs from {1}", key.kid(), key.signsFrom()));
            }
            refresh();
            Instant now = clock.instant();
            List<String> retired = entries.stream().filter(entry -> !entry.verifiesAt(now)).map(Entry::kid).toList();
            if (!retired.isEmpty()) {
                store.remove(retired);
                retired.forEach(opened::remove);
                refresh();
            }
        } catch (RuntimeException e) {
            // The keys read last stay in use: a database that is away for a while changes nothing here.
            LOG.log(WARNING, "signing keys: could not refresh ({0}); keeping the keys read before", String.valueOf(e.getMessage()));
        }
    }

    void refresh() {
        List<SigningKey> stored = store.all();
        KeySeal seal = new KeySeal(masterKey);
        List<Entry> fresh = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            SigningKey key = stored.get(i);
            Instant verifiesUntil = i + 1 < stored.size()
                    ? stored.get(i + 1).signsFrom().plusSeconds(tokenLifetimeSeconds + clockSkewSeconds) : null;
            ECKey jwk = opened.computeIfAbsent(key.kid(), kid -> seal.open(kid, key.sealedKey()));
            fresh.add(entry(jwk, key.createdAt(), key.signsFrom(), verifiesUntil));
        }
        entries = List.copyOf(fresh);
    }

    private String describe() {
        return String.join(", ", entries.stream().map(entry -> entry.kid() + " (signs from " + entry.signsFrom()
                + (entry.verifiesUntil() == null ? "" : ", verifies until " + entry.verifiesUntil()) + ")").toList());
    }

    private static Entry entry(ECKey key, Instant createdAt, Instant signsFrom, Instant verifiesUntil) {
        try {
            return new Entry(key.getKeyID(), createdAt, signsFrom, verifiesUntil, key, key.toECPublicKey(), new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("a stored signing key is not a usable P-256 key: " + key.getKeyID(), e);
        }
    }
}
