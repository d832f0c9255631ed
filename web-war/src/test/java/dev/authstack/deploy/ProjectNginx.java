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
 * Debian's nginx running containers/nginx/nginx.conf as it is, but for two things a test cannot share with a
 * container: the port (a free one on the loopback, since a test cannot take port 80) and upstreams.conf, whose "api"
 * and "web" servers become the given local ports.
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
        Path containers = Processes.projectRoot().resolve("containers").resolve("nginx");
        String conf = Files.readString(containers.resolve("nginx.conf"));
        if (conf.split("\\blisten 80;", -1).length != 2) {
            throw new IllegalStateException("nginx.conf should have one plain listener to move");
        }
        Files.writeString(directory.resolve("nginx.conf"), conf.replace("listen 80;", "listen 127.0.0.1:" + port + ";"));
        Files.copy(Path.of("/etc/nginx/mime.types"), directory.resolve("mime.types"));
        Files.writeString(directory.resolve("upstreams.conf"), Files.readString(containers.resolve("upstreams.conf"))
                .replace("server api:8080;", servers(apiPorts))
                .replace("server web:8080;", servers(webPorts)));
        Files.createDirectories(directory.resolve("logs"));
        Process process = new ProcessBuilder("nginx", "-p", directory.toString(), "-c", directory.resolve("nginx.conf").toString(),
                "-g", "daemon off; pid " + directory.resolve("nginx.pid") + ";")
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

    private static String servers(List<Integer> ports) {
        return ports.stream().map(port -> "server 127.0.0.1:" + port + ";").collect(Collectors.joining("\n    "));
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
