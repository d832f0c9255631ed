package dev.authstack.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.authstack.api.contract.AuditEventView;
import dev.authstack.api.contract.AuditEventsPage;
import dev.authstack.web.Messages;
import dev.authstack.web.api.ApiClient;
import dev.authstack.web.api.ApiProblemException;
import dev.authstack.web.api.ApiUnavailableException;
import dev.authstack.web.session.ActiveUser;

/**
 * admin/metrics.xhtml: the last hour's logins, failed logins and refresh-token reuses, and logins per minute for the
 * last quarter of an hour, counted from the audit trail, so that they are the whole deployment's (every instance writes
 * there) rather than one instance's. Prometheus's counters (/metrics, for the operator) are the finer view.
 */
@Named
@RequestScoped
public class MetricsBacking {

    static final Duration HOUR = Duration.ofHours(1);
    static final int RECENT_MINUTES = 15;
    static final int PAGE_SIZE = 200;
    /** At most this many events of a type are read, so that a flood of failures cannot make the page slow. */
    static final int MAX_EVENTS = 2000;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** One minute's logins. */
    public record Minute(String label, int succeeded, int failed) {
    }

    @Inject
    @RestClient
    ApiClient api;

    @Inject
    ActiveUser activeUser;

    Clock clock = Clock.systemUTC();

    private List<Instant> succeeded = List.of();
    private List<Instant> failed = List.of();
    private List<Instant> reused = List.of();
    private boolean capped;

    @PostConstruct
    void load() {
        Instant since = clock.instant().minus(HOUR);
        try {
            succeeded = times("login_succeeded", since);
            failed = times("login_failed", since);
            reused = times("refresh_token_reused", since);
        } catch (ApiProblemException | ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
    }

    private List<Instant> times(String type, Instant since) {
        List<Instant> times = new ArrayList<>();
        String cursor = null;
        do {
            AuditEventsPage page = api.auditEventsSince(activeUser.bearer(), type, since.toString(), PAGE_SIZE, cursor);
            page.events().stream().map(AuditEventView::occurredAt).forEach(times::add);
            cursor = page.nextCursor();
        } while (cursor != null && times.size() < MAX_EVENTS);
        capped |= cursor != null;
        return times;
    }

    /** The current minute and the {@link #RECENT_MINUTES} whole ones before it, newest first as on the Activity page. */
    public List<Minute> getMinutes() {
        Instant current = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        List<Minute> minutes = new ArrayList<>();
        for (int back = 0; back <= RECENT_MINUTES; back++) {
            Instant start = current.minus(Duration.ofMinutes(back));
            minutes.add(new Minute(MINUTE.format(start), within(succeeded, start), within(failed, start)));
        }
        return minutes;
    }

    private static int within(List<Instant> times, Instant start) {
        Instant end = start.plus(Duration.ofMinutes(1));
        return (int) times.stream().filter(at -> !at.isBefore(start) && at.isBefore(end)).count();
    }

    /** What a full bar stands for: the busiest minute's count, at least 1. */
    public int scale(List<Minute> minutes) {
        return Math.max(1, minutes.stream().mapToInt(minute -> Math.max(minute.succeeded(), minute.failed())).max().orElse(0));
    }

    public int getSucceeded() {
        return succeeded.size();
    }

    public int getFailed() {
        return failed.size();
    }

    public int getReused() {
        return reused.size();
    }

    /** More events than {@link #MAX_EVENTS} of some type: the numbers are lower bounds. */
    public boolean isCapped() {
        return capped;
    }
}
