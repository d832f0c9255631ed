package dev.authstack.api.audit.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * Removes events older than {@code AUDIT_RETENTION_DAYS}, on the platform's scheduler, every
 * {@code AUDIT_SWEEP_SECONDS} (an hour). Every instance sweeps; the deletes are idempotent.
 */
@ApplicationScoped
public class AuditRetention {

    private static final System.Logger LOG = System.getLogger(AuditRetention.class.getName());

    @Inject
    AuditEvents events;

    @Inject
    @ConfigProperty(name = "audit.retention.days")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "audit.sweep.seconds")
    long sweepSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AuditRetention self;

    Clock clock = Clock.systemUTC();

    private ScheduledFuture<?> sweeps;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        sweeps = scheduler.scheduleWithFixedDelay(this::sweepQuietly, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweeps != null) {
            sweeps.cancel(false);
        }
    }

    @Transactional
    public int sweep() {
        return events.removeOlderThan(clock.instant().minus(Duration.ofDays(retentionDays)));
    }

    private void sweepQuietly() {
        try {
            int removed = self.sweep();
            if (removed > 0) {
                LOG.log(INFO, "audit: removed {0} events older than {1} days", removed, retentionDays);
            }
        } catch (RuntimeException e) {
            // PostgreSQL away: the next sweep catches up. A scheduled task that throws is never run again.
            LOG.log(WARNING, "audit: retention sweep failed ({0})", e.getMessage());
        }
    }
}
