package dev.authstack.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * Reads the child's output on a thread of its own while waiting for it, so that the timeout holds for a child that
     * hangs with its output open: then the child and everything it started are killed, and the failure carries what
     * it printed so far.
     */
    public static Result runForResult(List<String> command, Map<String, String> environment, long timeoutSeconds, Path directory) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        CompletableFuture<Void> read = CompletableFuture.runAsync(() -> {
            try (InputStream in = process.getInputStream()) {
                in.transferTo(output);
            } catch (IOException e) {
                // the child was killed: what it printed until then is in output
            }
        });
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n" + killed(process, output));
            }
            try {
                // A grandchild may hold the output open after the child has exited.
                read.get(Math.max(0, deadline - System.nanoTime()) + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException(String.join(" ", command) + " left a process holding its output after " + timeoutSeconds
                        + " s:\n" + killed(process, output));
            }
            return new Result(process.exitValue(), text(output));
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killed(process, output);
            throw new IllegalStateException(e);
        }
    }

    /** Kills the process and what it started, and answers what it printed. */
    private static String killed(Process process, ByteArrayOutputStream output) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return text(output);
    }

    private static String text(ByteArrayOutputStream output) {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }
}
