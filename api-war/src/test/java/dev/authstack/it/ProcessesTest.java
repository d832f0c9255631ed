package dev.authstack.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tests' way of running a child process keeps its word about the timeout. */
class ProcessesTest {

    static final Path HERE = Path.of(".");

    @Test
    void aChildThatFinishesGivesItsOutputAndExitCode() {
        Processes.Result result = Processes.runForResult(List.of("bash", "-c", "echo out; echo err >&2; exit 3"), Map.of(), 10, HERE);
        assertEquals(3, result.exitCode());
        assertTrue(result.output().contains("out") && result.output().contains("err"), result.output());
    }

    @Test
    void aChildThatHangsSilentlyFailsAtItsTimeout() {
        IllegalStateException late = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(IllegalStateException.class, () -> Processes.runForResult(List.of("sleep", "60"), Map.of(), 1, HERE)));
        assertTrue(late.getMessage().contains("did not finish in 1 s"), late.getMessage());
    }

    @Test
    void aChildThatHangsAfterPrintingFailsAtItsTimeoutWithWhatItPrinted() {
        IllegalStateException late = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(IllegalStateException.class,
                () -> Processes.runForResult(List.of("bash", "-c", "echo started; sleep 60; echo never"), Map.of(), 1, HERE)));
        assertTrue(late.getMessage().contains("started"), late.getMessage());
    }
}
