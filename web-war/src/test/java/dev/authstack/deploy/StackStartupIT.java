package dev.authstack.deploy;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.concurrent.TimeUnit;

import dev.authstack.it.Processes;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `make run` deploys both WARs, and the web app at / answers every path the API does not own, /api/v1/status too
 * (a redirect to its login page): a stack whose API failed to deploy must still fail loudly, not look ready.
 */
class StackStartupIT {

    @Test
    void theFullStackFailsLoudlyWhenTheApiCannotReachItsDatabase() throws Exception {
        var environment = new HashMap<>(TestStack.get().environment());
        environment.put("APPS", "api web");
        environment.put("PORT", String.valueOf(Processes.freePort()));
        environment.put("DB_PORT", String.valueOf(Processes.freePort()));
        environment.put("READY_TIMEOUT", "90");
        TestStack.ServeResult result = TestStack.serve(environment, 240);
        if (result.ready()) {
            TestStack.stopServer(result.process());
        }
        assertFalse(result.ready(), result.output());
        assertTrue(result.output().contains("FAILED: the api WAR did not deploy: GET /api/v1/status answers 302"), result.output());
        assertTrue(result.process().waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, result.process().exitValue());
    }
}
