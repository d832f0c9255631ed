package dev.authstack.consumers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.authstack.it.Processes;
import dev.authstack.it.TestStack;

/**
 * The MicroProfile JWT consumer ({@code dev.authstack.consumers.mpjwt}) packed as a WAR with the configuration a
 * service owner would write, and run on a Payara Micro of its own.
 */
final class MicroProfileJwtService {

    private MicroProfileJwtService() {
    }

    static ConsumerProcess start(String issuer) {
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
            return new ConsumerProcess("MicroProfile JWT", server, URI.create("http://127.0.0.1:" + port + "/consumer/"), log)
                    .awaitReady(" ready in ", "whoami", 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
