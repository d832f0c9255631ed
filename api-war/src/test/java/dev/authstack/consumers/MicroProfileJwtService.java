package dev.authstack.consumers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.authstack.it.Processes;
import dev.authstack.it.TestStack;

/**
 * The MicroProfile JWT consumer ({@code dev.authstack.consumers.mpjwt}) packed as a WAR with the configuration a
 * service owner would write, and run on a Payara Micro of its own. Closing it stops the server.
 */
final class MicroProfileJwtService implements AutoCloseable {

    private final Process server;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private MicroProfileJwtService(Process server, int port) {
        this.server = server;
        this.port = port;
    }

    static MicroProfileJwtService start(String issuer) {
        Path root = Processes.projectRoot();
        Path work = root.resolve("target").resolve("mp-jwt-consumer");
        int port = Processes.freePort();
        try {
            Files.createDirectories(work);
            Path war = work.resolve("consumer.war");
            // What the service owner configures: where our keys are, who we are, and the algorithm (MP-JWT's default is RS256).
            String config = String.join("\n",
                    "mp.jwt.verify.publickey.location=" + issuer + "/.well-known/jwks.json",
                    "mp.jwt.verify.issuer=" + issuer,
                    "mp.jwt.verify.publickey.algorithm=ES256",
                    "mp.jwt.verify.audiences=" + TestStack.AUDIENCE, "");
            // Payara caches the JWK Set for five minutes by default; a second here, so that the rotation test need
            // not wait for it. In production the cache must stay shorter than our publish-ahead (600 s).
            String payara = "publicKey.cache.ttl=1000\n";
            writeWar(war, config, payara);
            Path log = work.resolve("server-" + port + ".log");
            Process server = new ProcessBuilder("java", "@" + root.resolve("server-config/jvm.options"), "-Xmx256m",
                    "-jar", root.resolve("target/runtime/payara-micro.jar").toString(),
                    "--nocluster", "--port", String.valueOf(port), "--rootDir", work.resolve("root-" + port).toString(),
                    "--deploy", war.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            MicroProfileJwtService service = new MicroProfileJwtService(server, port);
            service.awaitDeployed(log);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status and body of GET /consumer/{path} with this bearer token (none when null). */
    Answer get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/consumer/" + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Answer(int status, String body) {
    }

    private void awaitDeployed(Path log) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the consumer's Payara Micro exited:\n" + Files.readString(log));
            }
            String output = Files.exists(log) ? Files.readString(log) : "";
            if (output.contains(" ready in ")) {
                Answer anonymous = get("whoami", null);
                if (anonymous.status() != 200) {
                    throw new IllegalStateException("the consumer WAR did not deploy: " + anonymous + "\n" + output);
                }
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("the consumer's Payara Micro was not ready in 180 s:\n" + Files.readString(log));
    }

    private static void writeWar(Path war, String microprofileConfig, String payaraProperties) throws IOException {
        Path classes = Processes.projectRoot().resolve("api-war/target/test-classes");
        Path consumer = classes.resolve("dev/authstack/consumers/mpjwt");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war)); Stream<Path> files = Files.list(consumer)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                add(zip, "WEB-INF/classes/" + classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            add(zip, "WEB-INF/classes/META-INF/microprofile-config.properties", microprofileConfig.getBytes(StandardCharsets.UTF_8));
            add(zip, "WEB-INF/classes/payara-mp-jwt.properties", payaraProperties.getBytes(StandardCharsets.UTF_8));
            add(zip, "WEB-INF/beans.xml", ("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" "
                    + "bean-discovery-mode=\"all\"/>\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    @Override
    public void close() {
        TestStack.stopServer(server);
    }
}
