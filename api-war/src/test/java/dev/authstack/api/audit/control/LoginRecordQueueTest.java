package dev.authstack.api.audit.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.authstack.api.audit.entity.AuditEvent;
import dev.authstack.api.auth.entity.LoginEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LoginRecordQueueTest {

    /** Runs nothing until the test says so: the database is as slow as the test wants. */
    final List<Runnable> waiting = new ArrayList<>();
    final List<LoginEvent> written = new ArrayList<>();
    final LoginRecordQueue cut = new LoginRecordQueue();

    LoginRecordQueueTest() {
        cut.capacity = 3;
        cut.maxThrottledKeys = 10;
        cut.windowSeconds = 60;
        cut.executor = waiting::add;
        cut.records = new LoginRecords() {
            @Override
            public void record(LoginEvent event, Instant at, AuditEvent.Origin origin) {
                written.add(event);
            }
        };
        cut.init();
    }

    static PendingLogin failed(int n) {
        return new PendingLogin(LoginEvent.failed("user" + n, null, "unknown username"), Instant.now(), null);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfGrowing() {
        for (int n = 0; n < 10; n++) {
            cut.offer(failed(n));
        }
        assertEquals(7, cut.dropped());
        assertEquals(1, waiting.size(), "one writer at a time");
        waiting.remove(0).run();
        assertEquals(List.of("user0", "user1", "user2"), written.stream().map(LoginEvent::submittedUsername).toList());

        cut.offer(failed(10));
        waiting.remove(0).run();
        assertEquals(4, written.size(), "room again once written");
    }

    @Test
    void throttledAttemptsAreWrittenAsTheirFirstAndOneCountPerWindow() {
        for (int n = 0; n < 20_000; n++) {
            cut.offer(new PendingLogin(LoginEvent.throttled("victim", LoginEvent.BY_ACCOUNT), Instant.now(), new AuditEvent.Origin("198.18.0." + n % 250, "bot")));
        }
        cut.closeWindow();
        while (!waiting.isEmpty()) {
            waiting.remove(0).run();
        }
        assertEquals(List.of("account", "account: 19999 attempts within 60 s"), written.stream().map(LoginEvent::failure).toList());
        assertEquals(0, cut.dropped());
    }
}
