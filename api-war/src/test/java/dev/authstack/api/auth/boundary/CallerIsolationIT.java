package dev.authstack.api.auth.boundary;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.authstack.it.Api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resources are application-scoped and read the caller through an injected SecurityContext, which the container
 * resolves per request. Many callers at once, on every endpoint that reads the caller: each answer names the caller
 * whose token the request carried, never another one in flight.
 */
class CallerIsolationIT {

    private static final int CALLERS = 8;
    private static final int REQUESTS_EACH = 150;

    final Api api = Api.ofTestStack();

    @Test
    void concurrentCallersEachSeeOnlyThemselves() throws Exception {
        String admin = api.loginAsAdmin();
        List<String> usernames = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            String username = api.createUser(admin, "isolation-password-" + i, false).getString("username");
            usernames.add(username);
            tokens.add(api.login(username, "isolation-password-" + i));
        }
        CyclicBarrier start = new CyclicBarrier(CALLERS);
        ConcurrentLinkedQueue<String> mixUps = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Integer>> answered = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                String username = usernames.get(i);
                String token = tokens.get(i);
                answered.add(pool.submit(() -> {
                    start.await();
                    int count = 0;
                    for (int n = 0; n < REQUESTS_EACH; n++) {
                        Api.Answer hello = api.get("hello", token);
                        if (hello.status() != 200 || !username.equals(hello.json().getString("user"))) {
                            mixUps.add(username + " got from /hello: " + hello);
                        }
                        if (n % 10 == 0) {
                            Api.Answer me = api.get("me", token);
                            if (me.status() != 200 || !username.equals(me.json().getString("username"))) {
                                mixUps.add(username + " got from /me: " + me);
                            }
                        }
                        count++;
                    }
                    return count;
                }));
            }
            for (Future<Integer> future : answered) {
                assertEquals(REQUESTS_EACH, future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(mixUps.isEmpty(), mixUps.size() + " answers named the wrong caller or failed, e.g. " + mixUps.peek());
        // Logout revokes the token it was called with, not another caller's.
        assertEquals(200, api.post("auth/logout", "", tokens.get(0)).status());
        assertEquals(401, api.get("hello", tokens.get(0)).status());
        for (int i = 1; i < CALLERS; i++) {
            assertEquals(200, api.get("hello", tokens.get(i)).status(), usernames.get(i));
        }
    }
}
