package dev.authstack.web.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import dev.authstack.it.Api;
import dev.authstack.it.Processes;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live OpenAPI document as the tools that consumers run on it see it: Redocly's linter finds no error, Spectral's
 * OWASP ruleset none but those src/test/openapi/spectral-exceptions.yaml justifies, and a TypeScript client that
 * openapi-typescript generates from it compiles a typed call (src/test/openapi/client/call.ts) with tsc. The tools come
 * from npm, pinned by src/test/openapi/package-lock.json, and are installed once into target/openapi-tools.
 */
class ApiDocsToolsIT {

    static final Api site = new Api(TestStack.get().baseUri());
    static final ObjectMapper JSON = new ObjectMapper();
    static Path tools;
    static Path document;

    @BeforeAll
    static void installTheToolsAndFetchTheDocument() throws IOException {
        Path sources = Processes.projectRoot().resolve("web-war/src/test/openapi");
        tools = Processes.projectRoot().resolve("web-war/target/openapi-tools");
        Files.createDirectories(tools.resolve("client"));
        Path lock = sources.resolve("package-lock.json");
        Path installed = tools.resolve("node_modules/.package-lock-installed.json");
        if (!Files.exists(installed) || Files.mismatch(lock, installed) != -1) {
            copy(sources, "package.json");
            copy(sources, "package-lock.json");
            Processes.run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), Map.of(), 600, tools);
            Files.copy(lock, installed, StandardCopyOption.REPLACE_EXISTING);
        }
        for (String file : List.of("redocly.yaml", "spectral.yaml", "tsconfig.json", "client/call.ts")) {
            copy(sources, file);
        }
        Api.Answer answer = site.send(site.request("openapi", null).header("Accept", "application/json").GET());
        assertEquals(200, answer.status(), answer::toString);
        document = tools.resolve("openapi.json");
        Files.writeString(document, answer.body(), StandardCharsets.UTF_8);
    }

    @Test
    void redoclyFindsNoError() throws IOException {
        Path report = tools.resolve("redocly.json");
        Processes.Result lint = Processes.runForResult(List.of("bash", "-c",
                "node_modules/.bin/redocly lint --config redocly.yaml --format json openapi.json > redocly.json"), Map.of(), 300, tools);
        JsonNode result = JSON.readTree(report.toFile());
        List<String> errors = StreamSupport.stream(result.path("problems").spliterator(), false)
                .filter(problem -> "error".equals(problem.path("severity").asText()))
                .map(problem -> problem.path("ruleId").asText() + " at " + problem.path("location").path(0).path("pointer").asText()
                        + ": " + problem.path("message").asText())
                .toList();
        assertTrue(errors.isEmpty(), errors.size() + " errors (" + result.path("totals") + "):\n" + String.join("\n", errors));
        assertEquals(0, lint.exitCode(), lint.output());
    }

    @Test
    void spectralOwaspFindsNoErrorButTheJustifiedOnes() throws IOException {
        Path report = tools.resolve("spectral.json");
        Files.deleteIfExists(report);
        Processes.runForResult(List.of("node_modules/.bin/spectral", "lint", "--ruleset", "spectral.yaml", "--format", "json",
                "--output", "spectral.json", "--quiet", "openapi.json"), Map.of(), 300, tools);
        JsonNode findings = JSON.readTree(report.toFile());
        JsonNode exceptions = new YAMLMapper().readTree(
                Processes.projectRoot().resolve("web-war/src/test/openapi/spectral-exceptions.yaml").toFile());
        Map<String, Integer> justified = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (JsonNode finding : findings) {
            if (finding.path("severity").asInt() != 0) {
                continue;
            }
            String rule = finding.path("code").asText();
            String at = StreamSupport.stream(finding.path("path").spliterator(), false).map(JsonNode::asText)
                    .collect(Collectors.joining("."));
            JsonNode exception = exceptions.path(rule);
            boolean allowed = exception.hasNonNull("reason") && StreamSupport.stream(exception.path("at").spliterator(), false)
                    .anyMatch(prefix -> at.equals(prefix.asText()) || at.startsWith(prefix.asText() + "."));
            if (allowed) {
                justified.merge(rule, 1, Integer::sum);
            } else {
                errors.add(rule + " at " + at + ": " + finding.path("message").asText());
            }
        }
        assertTrue(errors.isEmpty(), errors.size() + " errors that spectral-exceptions.yaml does not justify:\n"
                + String.join("\n", errors));
        List<String> stale = new ArrayList<>();
        exceptions.fieldNames().forEachRemaining(rule -> {
            if (!justified.containsKey(rule)) {
                stale.add(rule);
            }
        });
        assertTrue(stale.isEmpty(), "exceptions for rules that no longer fire, to be removed: " + stale);
    }

    @Test
    void aTypeScriptClientGeneratedFromTheDocumentCompilesATypedCall() {
        // Run from client/, away from the linters' redocly.yaml: the generator judges the document with its own defaults.
        Processes.run(List.of("../node_modules/.bin/openapi-typescript", "../openapi.json", "--output", "schema.d.ts"),
                Map.of(), 300, tools.resolve("client"));
        Processes.run(List.of("node_modules/.bin/tsc", "--project", "tsconfig.json"), Map.of(), 300, tools);
    }

    private static void copy(Path sources, String file) throws IOException {
        Files.copy(sources.resolve(file), tools.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
}
