package dev.authstack.consumers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.authstack.it.Processes;

/**
 * The Spring Boot resource server of src/test/spring-boot, built with its own pom (Spring Boot's dependencies stay
 * off the API's test classpath) and run with nothing but our issuer URL from the environment.
 */
final class SpringBootConsumer {

    private SpringBootConsumer() {
    }

    static ConsumerProcess start(String issuer) {
        Path root = Processes.projectRoot();
        Path work = root.resolve("api-war/target/spring-consumer");
        Processes.run(List.of("mvn", "-B", "-ntp", "-q", "-f", root.resolve("api-war/src/test/spring-boot/pom.xml").toString(),
                "package", "-DskipTests"), Map.of(), 600);
        int port = Processes.freePort();
        Path log = work.resolve("server-" + port + ".log");
        try {
            Files.createDirectories(work);
            ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", work.resolve("spring-consumer.jar").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("ISSUER", issuer);
            builder.environment().put("PORT", String.valueOf(port));
            return new ConsumerProcess("Spring Boot", builder.start(), URI.create("http://127.0.0.1:" + port + "/"), log)
                    .awaitReady("Tomcat started on port", "whoami", 401);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
