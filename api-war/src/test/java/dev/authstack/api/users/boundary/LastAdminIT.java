package dev.authstack.api.users.boundary;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import dev.authstack.it.Api;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The last active administrator can never be demoted, deactivated or deleted: the system cannot lock itself out. */
class LastAdminIT {

    final Api api = Api.ofTestStack();
    String admin;
    int adminId;

    /** Other tests leave administrators behind: deactivate them so "admin" is the only active one. */
    @BeforeEach
    void adminIsTheOnlyActiveAdministrator() {
        admin = api.loginAsAdmin();
        for (JsonObject user : api.everyUser(admin)) {
            if ("admin".equals(user.getString("username"))) {
                adminId = user.getInt("id");
            } else if (user.getBoolean("is_admin") && user.getBoolean("is_active")) {
                assertEquals(200, api.put("users/" + user.getInt("id"), "{\"is_active\":false}", admin).status());
            }
        }
    }

    @Test
    void theLastAdminCannotBeDemotedDeactivatedOrDeleted() {
        for (Api.Answer answer : List.of(api.put("users/" + adminId, "{\"is_admin\":false}", admin),
                api.put("users/" + adminId, "{\"is_active\":false}", admin), api.delete("users/" + adminId, admin))) {
            assertEquals(409, answer.status(), answer::toString);
            assertEquals(Api.PROBLEM_JSON, answer.mediaType());
            assertTrue(answer.json().getString("detail").contains("last active administrator"));
        }
        JsonObject unchanged = api.get("users/" + adminId, admin).json();
        assertTrue(unchanged.getBoolean("is_admin") && unchanged.getBoolean("is_active"));
        assertEquals(200, api.get("hello", admin).status(), "a refused change revokes nothing");
    }

    @Test
    void anotherActiveAdminMayBeDemotedWhileOneRemains() {
        JsonObject second = api.createUser(admin, "password-1", true);
        Api.Answer answer = api.put("users/" + second.getInt("id"), "{\"is_admin\":false}", admin);
        assertEquals(200, answer.status(), answer::toString);
    }

    /**
     * Each demotion alone is allowed; both together would leave no administrator. The loser is refused by the
     * last-admin rule (409) when both requests got past the token check before either committed, or by the token check
     * (401) when the winner committed first, since a demotion revokes the demoted admin's tokens. Only a round that
     * reached the rule on both sides tests it, so the race is run until one did (at most five rounds).
     */
    @Test
    void twoAdminsDemotingEachOtherAtOnceCannotBothSucceed() throws Exception {
        boolean ruleReached = false;
        for (int round = 0; round < 5 && !ruleReached; round++) {
            JsonObject second = api.createUser(admin, "password-1", true);
            String secondToken = api.login(second.getString("username"), "password-1");
            CyclicBarrier together = new CyclicBarrier(2);

            var demoteSecond = CompletableFuture.supplyAsync(() -> {
                await(together);
                return api.put("users/" + second.getInt("id"), "{\"is_admin\":false}", admin).status();
            });
            var demoteAdmin = CompletableFuture.supplyAsync(() -> {
                await(together);
                return api.put("users/" + adminId, "{\"is_admin\":false}", secondToken).status();
            });

            List<Integer> statuses = List.of(demoteSecond.get(), demoteAdmin.get());
            if (statuses.stream().filter(status -> status == 200).count() != 1) {
                // Whatever went wrong, the other tests need their administrator back.
                TestStack.get().psql("UPDATE users SET is_admin = TRUE, is_active = TRUE WHERE username = 'admin'");
            }
            assertEquals(1, statuses.stream().filter(status -> status == 200).count(), "exactly one may win: " + statuses);
            assertTrue(statuses.contains(409) || statuses.contains(401), "the loser is refused: " + statuses);
            ruleReached = statuses.contains(409);
            if (demoteAdmin.get() == 200) {
                // Put things back for the next round and the other tests: the second admin restores the default admin.
                assertEquals(200, api.put("users/" + adminId, "{\"is_admin\":true}", secondToken).status());
                admin = api.loginAsAdmin();
            }
            assertEquals(200, api.put("users/" + second.getInt("id"), "{\"is_admin\":false}", admin).status());
        }
        assertTrue(ruleReached, "no round reached the last-admin rule on both sides");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
