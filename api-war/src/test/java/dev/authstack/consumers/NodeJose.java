package dev.authstack.consumers;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.authstack.it.Processes;

/**
 * node's {@code jose} with our remote JWK Set, as a service that verifies our tokens itself would use it:
 * src/test/node/verify-with-jose.mjs, with jose from npm installed once into target/.
 */
public final class NodeJose {

    /** jose 5 runs on the node of Debian 12 (18) and of this machine alike; 6 needs node 20.19. */
    static final String VERSION = "5.10.0";

    private NodeJose() {
    }

    /** One verdict per token, in order: {@code {"ok": true, ...}} or why jose refused it. */
    public static List<JsonObject> verify(String issuer, String audience, List<String> tokens) {
        Path root = Processes.projectRoot();
        Path work = root.resolve("target/jose-consumer");
        try {
            if (!Files.exists(work.resolve("node_modules/jose/package.json"))) {
                Files.createDirectories(work);
                Processes.run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", work.toString(), "jose@" + VERSION),
                        Map.of(), 300);
            }
            Files.copy(root.resolve("api-war/src/test/node/verify-with-jose.mjs"), work.resolve("verify-with-jose.mjs"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of("node", work.resolve("verify-with-jose.mjs").toString(), issuer, audience));
        command.addAll(tokens);
        String output = Processes.run(command, Map.of(), 120);
        List<JsonObject> verdicts = output.lines().filter(line -> line.startsWith("{"))
                .map(line -> Json.createReader(new StringReader(line)).readObject()).toList();
        if (verdicts.size() != tokens.size()) {
            throw new AssertionError("expected " + tokens.size() + " verdicts from jose, got:\n" + output);
        }
        return verdicts;
    }
}
