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
        for (JsonObject user : api.get("users", admin).jsonArray().getValuesAs(JsonObject.class)) {
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
            assertEquals("application/problem+json", answer.contentType().split(";")[0]);
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

    @Test
    void twoAdminsDemotingEachOtherAtOnceCannotBothSucceed() throws Exception {
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
        try {
            // The loser is refused as the last administrator (409), or, when the winner committed first, because the
            // winner's change voided the loser's token (401): either way, never two demotions.
            assertEquals(1, statuses.stream().filter(status -> status == 200).count(), "exactly one may win: " + statuses);
            assertTrue(statuses.contains(409) || statuses.contains(401), "the other is refused: " + statuses);
            long activeAdmins = api.get("users", demoteAdmin.get() == 200 ? api.login(second.getString("username"), "password-1") : admin)
                    .jsonArray().getValuesAs(JsonObject.class).stream()
                    .filter(user -> user.getBoolean("is_admin") && user.getBoolean("is_active")).count();
            assertEquals(1, activeAdmins, "one active administrator remains");
        } finally {
            // Put things back for the other tests, whoever won.
            TestStack.get().psql("UPDATE users SET is_admin = TRUE, is_active = TRUE WHERE username = 'admin'");
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
