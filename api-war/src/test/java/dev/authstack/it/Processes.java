package dev.authstack.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the project's scripts, finds free ports and waits for them. */
public final class Processes {

    private Processes() {
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether something accepts connections on the port of 127.0.0.1. */
    public static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits, at most 30 s, until the port answers (up) or stops answering; fails naming what did not happen. */
    public static void awaitPort(int port, boolean up, String what) {
        awaitPort(port, up, what, null);
    }

    /** As {@link #awaitPort(int, boolean, String)}, and fails at once when the process that should answer has exited. */
    public static void awaitPort(int port, boolean up, String what, Process process) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (answers(port) != up) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " exited with " + process.exitValue() + " before port " + port + " answered");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " on port " + port + " did not " + (up ? "start" : "stop"));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Runs a command to completion and returns its output; fails with that output when it exits non-zero. */
    public static String run(List<String> command, Map<String, String> environment, long timeoutSeconds) {
        return run(command, environment, timeoutSeconds, projectRoot());
    }

    /** As {@link #run(List, Map, long)}, started in the given directory instead of the project's root. */
    public static String run(List<String> command, Map<String, String> environment, long timeoutSeconds, Path directory) {
        Result result = runForResult(command, environment, timeoutSeconds, directory);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    public record Result(int exitCode, String output) {
    }

    public static Result runForResult(List<String> command, Map<String, String> environment, long timeoutSeconds) {
        return runForResult(command, environment, timeoutSeconds, projectRoot());
    }

    public static Result runForResult(List<String> command, Map<String, String> environment, long timeoutSeconds, Path directory) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
