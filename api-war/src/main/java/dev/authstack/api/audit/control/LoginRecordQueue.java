package dev.authstack.api.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.authstack.api.auth.entity.LoginEvent;

import static java.lang.System.Logger.Level.WARNING;

/**
 * Login events on their way to the database, after the login has answered. The queue holds at most
 * {@code AUDIT_QUEUE_CAPACITY} events and one task at a time writes them, on the platform's executor: when the
 * database is slower than the logins, events are dropped and counted, and the heap does not grow. Throttled attempts
 * are {@link ThrottledAttempts counted} and written once per {@code AUDIT_THROTTLED_WINDOW_SECONDS} (60) per account
 * or address. What was dropped is logged once per window, as a count.
 */
@ApplicationScoped
public class LoginRecordQueue {

    private static final System.Logger LOG = System.getLogger(LoginRecordQueue.class.getName());

    @Inject
    LoginRecords records;

    @Inject
    @ConfigProperty(name = "audit.queue.capacity")
    int capacity;

    @Inject
    @ConfigProperty(name = "audit.throttled.window.seconds")
    long windowSeconds;

    @Inject
    @ConfigProperty(name = "audit.throttled.keys")
    int maxThrottledKeys;

    @Resource
    ManagedExecutorService managedExecutor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Where the events are written from: the platform's executor, unless a test sets its own. */
    Executor executor;

    Clock clock = Clock.systemUTC();

    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private long droppedReported;
    private BlockingQueue<PendingLogin> queue;
    private ThrottledAttempts throttled;
    private ScheduledFuture<?> windows;

    @PostConstruct
    void init() {
        queue = new ArrayBlockingQueue<>(capacity);
        throttled = new ThrottledAttempts(maxThrottledKeys);
        if (executor == null) {
            executor = managedExecutor;
        }
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        windows = scheduler.scheduleAtFixedRate(this::closeWindow, windowSeconds, windowSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (windows != null) {
            windows.cancel(false);
        }
    }

    /** Queues the event for the trail, or counts it; never blocks and never fails the caller. */
    void offer(PendingLogin pending) {
        if (pending.event().kind() == LoginEvent.Kind.THROTTLED) {
            switch (throttled.count(pending)) {
                case COUNTED -> {
                    return;
                }
                case REFUSED -> {
                    dropped.incrementAndGet();
                    return;
                }
                case FIRST -> {
                    // recorded now, below
                }
            }
        }
        enqueue(pending);
    }

    /** Events dropped since the start, because the queue or the window was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Turns the window's counts of throttled attempts into records, and reports what was dropped. */
    void closeWindow() {
        try {
            throttled.close(clock.instant(), Duration.ofSeconds(windowSeconds)).forEach(this::enqueue);
            long total = dropped.get();
            if (total > droppedReported) {
                LOG.log(WARNING, "audit: {0} login events dropped ({1} since the start): the queue of {2} or the window of {3} "
                        + "throttled accounts and addresses was full", total - droppedReported, total, capacity, maxThrottledKeys);
                droppedReported = total;
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again.
            LOG.log(WARNING, "audit: closing the window of throttled logins failed ({0})", e.getMessage());
        }
    }

    private void enqueue(PendingLogin pending) {
        if (!queue.offer(pending)) {
            dropped.incrementAndGet();
            return;
        }
        writeWhenIdle();
    }

    /** Starts the one writer unless it is running; the writer looks again after it stops, so no event is left behind. */
    private void writeWhenIdle() {
        if (!writing.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::write);
        } catch (RuntimeException e) {
            writing.set(false);
            LOG.log(WARNING, "audit: could not start writing login events ({0})", e.getMessage());
        }
    }

    private void write() {
        try {
            for (PendingLogin pending = queue.poll(); pending != null; pending = queue.poll()) {
                try {
                    records.record(pending.event(), pending.at(), pending.origin());
                } catch (RuntimeException e) {
                    LOG.log(WARNING, "audit: could not record {0} ({1})", pending.event(), e.getMessage());
                }
            }
        } finally {
            writing.set(false);
        }
        if (!queue.isEmpty()) {
            writeWhenIdle();
        }
    }
}
