package dev.authstack.api;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;

import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Runs after every other IT (junit-platform.properties orders classes) and reads what the server logged meanwhile. */
@Order(Integer.MAX_VALUE)
class LogHygieneIT {

    @Test
    void theServerLogHoldsNoPasswordTokenHashOrSecret() {
        String log = TestStack.get().serverLog();
        for (String secret : List.of(TestStack.ADMIN_PASSWORD, "password-1", "original-password", "brand-new-password",
                TestStack.MASTER_KEY, "eyJ", "$2a$", "\"d\":")) {
            assertFalse(log.contains(secret), "the server log contains " + secret.substring(0, 3) + "...");
        }
    }
}
