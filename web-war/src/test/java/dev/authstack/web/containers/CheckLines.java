package dev.authstack.web.containers;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.authstack.it.Processes;

/**
 * One line per check as it ends, {@code ok NAME} or {@code FAILED NAME: why}, read in the console of make
 * test-containers between the figures; and the containers' logs at the first failure, kept in target/test-containers/:
 * the later checks (the kill, make restart) and the clean-up would replace or remove them.
 */
final class CheckLines implements TestWatcher {

    private static boolean logsKept;

    @Override
    public void testSuccessful(ExtensionContext context) {
        System.out.println("ok " + context.getDisplayName());
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        System.out.println("FAILED " + context.getDisplayName() + ": " + cause);
        keepLogs();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        System.out.println("ABORTED " + context.getDisplayName() + ": " + cause);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        System.out.println("SKIPPED " + context.getDisplayName());
    }

    private static synchronized void keepLogs() {
        if (logsKept) {
            return;
        }
        logsKept = true;
        Path directory = Processes.projectRoot().resolve("target/test-containers");
        try {
            Files.createDirectories(directory);
            for (String container : RunningContainers.allContainers()) {
                Files.writeString(directory.resolve(container + ".log"), RunningContainers.logs(container));
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("   the containers' logs could not be kept: " + e);
            return;
        }
        System.out.println("   logs of the containers at this failure kept in " + directory);
    }
}
