package dev.authstack.api;

import org.junit.jupiter.api.Test;

import java.util.Map;

import dev.authstack.it.Processes;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `make run` must fail loudly, not serve 404s, when the API cannot work as configured. */
class StartupIT {

    @Test
    void refusesToStartWithAShortMasterKeyAndSaysWhy() throws Exception {
        var result = serveWith(Map.of("MASTER_KEY", "too-short"));
        assertFalse(result.ready());
        assertTrue(result.output().contains("FAILED: the api WAR did not deploy"), result.output());
        assertTrue(result.output().contains("MASTER_KEY is 9 bytes long; it needs at least 32"), result.output());
        assertFalse(result.output().contains("too-short"), "the secret itself is never printed");
        assertTrue(result.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && result.process().exitValue() == 1);
    }

    @Test
    void refusesToStartWithAMasterKeyThatDoesNotOpenTheStoredKeysAndSaysWhy() throws Exception {
        var result = serveWith(Map.of("MASTER_KEY", "another-master-key-than-the-one-that-sealed-the-keys"));
        assertFalse(result.ready());
        assertTrue(result.output().contains("FAILED: the api WAR did not deploy"), result.output());
        assertTrue(result.output().contains("cannot be opened with this MASTER_KEY"), result.output());
        assertFalse(result.output().contains("another-master-key"), "the secret itself is never printed");
    }

    @Test
    void failsLoudlyWhenTheDatabaseIsUnreachable() throws Exception {
        var result = serveWith(Map.of("DB_PORT", String.valueOf(Processes.freePort()), "READY_TIMEOUT", "60"));
        assertFalse(result.ready());
        assertTrue(result.output().contains("FAILED:"), result.output());
        assertTrue(result.process().waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && result.process().exitValue() == 1);
    }

    private static TestStack.ServeResult serveWith(Map<String, String> overrides) {
        var environment = new java.util.HashMap<>(TestStack.get().environment());
        environment.put("PORT", String.valueOf(Processes.freePort()));
        environment.putAll(overrides);
        TestStack.ServeResult result = TestStack.serve(environment, 240);
        if (result.ready()) {
            TestStack.stopServer(result.process());
        }
        return result;
    }
}
