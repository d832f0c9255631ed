package dev.authstack.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.authstack.it.Processes;

/**
 * Debian's nginx running containers/nginx/nginx.conf as it is, through scripts/local-nginx.sh (which make bench uses
 * too): on a free port of the loopback, with the "api" and "web" upstreams on the given local ports.
 */
public final class ProjectNginx implements AutoCloseable {

    private final Path directory;
    private final Process process;
    private final URI uri;

    private ProjectNginx(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.uri = URI.create("http://127.0.0.1:" + port + "/");
    }

    public static ProjectNginx start(List<Integer> apiPorts, List<Integer> webPorts) throws IOException, InterruptedException {
        int port = Processes.freePort();
        Path directory = Files.createTempDirectory("nginx-it");
        Process process = new ProcessBuilder("bash", Processes.projectRoot().resolve("scripts/local-nginx.sh").toString(),
                directory.toString(), String.valueOf(port), ports(apiPorts), ports(webPorts))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("nginx.log").toFile())
                .start();
        ProjectNginx nginx = new ProjectNginx(directory, process, port);
        try {
            Processes.awaitPort(port, true, "nginx", process);
        } catch (IllegalStateException notStarted) {
            nginx.close();
            throw new IllegalStateException(notStarted.getMessage() + ": " + nginx.log(), notStarted);
        }
        return nginx;
    }

    private static String ports(List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** http://127.0.0.1:PORT/ */
    public URI uri() {
        return uri;
    }

    /** Its access log and error log, one line per request with the instance that answered it (ua=). */
    public String log() {
        try {
            return Files.readString(directory.resolve("nginx.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
