package dev.authstack.faults;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import dev.authstack.it.Api;
import dev.authstack.it.SecondInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two API instances share PostgreSQL and Redis, as behind a load balancer: a logout on one is refused by the other
 * within a bounded delay, which this test measures and prints.
 */
@Tag("faults")
class RevocationAcrossInstancesIT {

    static SecondInstance second;
    static Api first;
    static Api other;

    @BeforeAll
    static void secondInstance() {
        first = Api.ofTestStack();
        second = SecondInstance.shared();
        other = second.api();
    }


    @Test
    void aLogoutOnOneInstanceIsRefusedByTheOtherWithin500Milliseconds() {
        long worst = 0;
        for (int round = 0; round < 20; round++) {
            String token = first.loginAsAdmin();
            assertEquals(200, other.get("hello", token).status(), "the other instance accepts the token");

            assertEquals(200, first.post("auth/logout", null, token).status());
            Instant revoked = Instant.now();
            int status;
            do {
                status = other.get("hello", token).status();
            } while (status == 200 && Duration.between(revoked, Instant.now()).toMillis() < 5000);

            assertEquals(401, status, "refused by the other instance");
            worst = Math.max(worst, Duration.between(revoked, Instant.now()).toMillis());
        }
        System.out.println("revocation propagation across instances: worst of 20 rounds " + worst + " ms");
        assertTrue(worst < 500, "worst propagation " + worst + " ms");
    }
}
