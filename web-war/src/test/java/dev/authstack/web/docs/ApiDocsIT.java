package dev.authstack.web.docs;

import jakarta.json.JsonObject;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.authstack.it.Api;
import dev.authstack.it.Processes;
import dev.authstack.it.TestStack;
import dev.authstack.web.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API's OpenAPI document, served at /openapi with the web app at /: valid OpenAPI 3, and complete, i.e. every
 * operation of the README's table with its answers, problems and security; and the docs page that shows it.
 */
@Tag("browser")
class ApiDocsIT {

    static final Api site = new Api(TestStack.get().baseUri());
    static OpenAPI document;
    /** The document as served: the parser drops what stands beside a $ref, which a client's generator may not. */
    static JsonObject served;
    static Browser browser;

    @BeforeAll
    static void readTheDocument() {
        Api.Answer answer = site.send(site.request("openapi", null).header("Accept", "application/json").GET());
        assertEquals(200, answer.status(), answer::toString);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        assertNoPayaraEndpoints(answer.body());
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(answer.body(), null, options);
        assertTrue(parsed.getMessages() == null || parsed.getMessages().isEmpty(), "not valid OpenAPI 3: " + parsed.getMessages());
        document = parsed.getOpenAPI();
        assertNotNull(document);
        served = answer.json();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void listsEveryOperationOfTheReadmeWithItsAnswers() {
        Map<String, String> readme = readmeOperations();
        assertTrue(readme.size() >= 10, "the README's table: " + readme);
        Map<String, Operation> documented = documentedOperations();
        for (var entry : readme.entrySet()) {
            Operation operation = documented.get(entry.getKey());
            assertNotNull(operation, entry.getKey() + " is not in the document; it has " + documented.keySet());
            assertNotNull(operation.getSummary(), entry.getKey() + " has a summary");
            boolean success = operation.getResponses().entrySet().stream()
                    .anyMatch(response -> response.getKey().startsWith("2")
                            && (response.getKey().equals("204") || hasSchema(response.getValue(), "application/json")));
            assertTrue(success, entry.getKey() + " documents its success answer with a schema");
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertTrue(hasSchema(response, Api.PROBLEM_JSON), entry.getKey() + " " + status + " is a problem document");
                }
            });
            boolean anyone = entry.getValue().equals("anyone");
            assertNotNull(operation.getSecurity(), entry.getKey() + " says who may call it, [{}] for anyone");
            boolean secured = operation.getSecurity().stream().anyMatch(requirement -> !requirement.isEmpty());
            assertEquals(!anyone, secured, entry.getKey() + ": who may call it (" + entry.getValue() + ")");
            if (!anyone) {
                assertTrue(operation.getResponses().containsKey("401"), entry.getKey() + " documents its 401");
            }
            if (entry.getValue().equals("admin")) {
                assertTrue(operation.getResponses().containsKey("403"), entry.getKey() + " documents its 403");
            }
            if (operation.getRequestBody() != null) {
                MediaType body = operation.getRequestBody().getContent().get("application/json");
                assertNotNull(body, entry.getKey() + " takes JSON");
                assertNotNull(body.getSchema(), entry.getKey() + " has a body schema");
                assertTrue(body.getExamples() != null && !body.getExamples().isEmpty() || body.getExample() != null,
                        entry.getKey() + " has a body example");
            }
        }
    }

    @Test
    void describesTheBodiesWithTheirJsonNamesAndExamples() {
        var schemas = document.getComponents().getSchemas();
        var user = schemas.get("UserView");
        assertNotNull(user, "the user schema; there are " + schemas.keySet());
        assertTrue(user.getProperties().keySet().containsAll(List.of("id", "username", "email", "is_admin", "is_active", "created_at")),
                "the JSON names of a user: " + user.getProperties().keySet());
        assertNotNull(((io.swagger.v3.oas.models.media.Schema<?>) user.getProperties().get("username")).getExample(), "examples");
        assertEquals("integer", ((io.swagger.v3.oas.models.media.Schema<?>) user.getProperties().get("id")).getType());
        assertEquals("date-time", ((io.swagger.v3.oas.models.media.Schema<?>) user.getProperties().get("created_at")).getFormat());
        var login = schemas.get("LoginResponse");
        assertTrue(login.getProperties().keySet().containsAll(List.of("access_token", "token_type", "expires_in", "user",
                "device_token", "device_expires_in")), login.getProperties().keySet().toString());
        var credentials = schemas.get("Credentials");
        assertEquals(List.of("device_token", "password", "username"), credentials.getProperties().keySet().stream().sorted().toList(),
                "a login's fields, and no constant of the record");
        assertEquals(dev.authstack.api.contract.Credentials.DEVICE_TOKEN_MAX_LENGTH,
                ((io.swagger.v3.oas.models.media.Schema<?>) credentials.getProperties().get("device_token")).getMaxLength(),
                "the device token's bound");
        assertFalse(credentials.getRequired().contains("device_token"), "a login without a device token is a login");

        var list = documentedOperations().get("GET /api/v1/users").getResponses().get("200").getContent().get("application/json").getSchema();
        assertEquals("array", list.getType());
        assertNotNull(list.getItems(), "a list of users has items");
        assertTrue(list.getItems().get$ref() != null || list.getItems().getProperties().containsKey("is_admin"), list.toString());
    }

    @Test
    void everyBodyIsANamedComponent() {
        documentedOperations().forEach((name, operation) -> {
            Map<String, MediaType> bodies = new LinkedHashMap<>();
            if (operation.getRequestBody() != null) {
                operation.getRequestBody().getContent().forEach((type, media) -> bodies.put("request " + type, media));
            }
            operation.getResponses().forEach((status, response) -> {
                if (response.getContent() != null) {
                    response.getContent().forEach((type, media) -> bodies.put(status + " " + type, media));
                }
            });
            bodies.forEach((which, media) -> {
                var schema = media.getSchema();
                var named = "array".equals(schema.getType()) ? schema.getItems() : schema;
                assertNotNull(named.get$ref(), name + " " + which + " refers to a component: " + schema);
            });
        });
        // The shared answers (401, 403, 404, 413, 429, 503) too: Payara wrote their body as a bare object once.
        document.getComponents().getResponses().forEach((answer, response) -> response.getContent().forEach((type, media) ->
                assertNotNull(media.getSchema().get$ref(), answer + " " + type + " refers to a component: " + media.getSchema())));
        document.getComponents().getSchemas().forEach((component, schema) -> {
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((property, value) -> {
                    var inner = (io.swagger.v3.oas.models.media.Schema<?>) value;
                    var named = inner.getItems() != null ? inner.getItems() : inner;
                    assertTrue(named.getProperties() == null, component + "." + property + " refers to a component: " + inner);
                });
            }
        });
    }

    /** OpenAPI ignores whatever stands beside a reference: a header or a body there would be a promise unkept. */
    @Test
    void anAnswerThatRefersToASharedOneIsTheReferenceAlone() {
        int references = 0;
        for (var path : served.getJsonObject("paths").entrySet()) {
            for (var operation : path.getValue().asJsonObject().entrySet()) {
                if (!(operation.getValue() instanceof JsonObject body) || !body.containsKey("responses")) {
                    continue;
                }
                for (var answer : body.getJsonObject("responses").entrySet()) {
                    JsonObject response = answer.getValue().asJsonObject();
                    if (response.containsKey("$ref")) {
                        references++;
                        assertEquals(java.util.Set.of("$ref"), response.keySet(),
                                operation.getKey() + " " + path.getKey() + " " + answer.getKey() + ": " + response);
                    }
                }
            }
        }
        assertTrue(references > 20, "the shared answers are referred to: " + references);
    }

    @Test
    void declaresTheBearerScheme() {
        SecurityScheme bearer = document.getComponents().getSecuritySchemes().get("bearer");
        assertNotNull(bearer, "the bearer scheme");
        assertEquals(SecurityScheme.Type.HTTP, bearer.getType());
        assertEquals("bearer", bearer.getScheme());
    }

    @Test
    void theDocsPageRunsSwaggerUiUnderTheSiteCsp() {
        Api.Answer page = site.get("docs/", null);
        assertEquals(200, page.status(), page::toString);
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy != null && policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(page.body());
        while (scripts.find()) {
            assertTrue(scripts.group(1).contains("src="), "no inline script: " + scripts.group());
        }
        assertEquals(200, site.get("docs/initializer.js", null).status());

        browser = new Browser();
        browser.open("docs/");
        browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path")));
        String operations = browser.text("#swagger-ui");
        assertTrue(operations.contains("/v1/auth/login") && operations.contains("/v1/users/{id}"), operations);
        browser.screenshots("api-docs");
    }

    /**
     * Payara Micro adds a root field of its own, {@code endpoints} (each application's paths), to every document it
     * serves and offers no setting to leave it out; OpenAPI 3.0 allows only {@code x-} fields there, and linters
     * and openapi-typescript refuse it. OpenApiTidier empties it, and Payara then leaves it out.
     */
    static void assertNoPayaraEndpoints(String document) {
        try {
            var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(document);
            assertFalse(tree.has("endpoints"), "Payara's endpoints field is back: " + tree.get("endpoints"));
        } catch (IOException e) {
            throw new IllegalStateException("the document is not JSON", e);
        }
    }

    /** "METHOD /path" of each row of the README's API table, with who may call it. */
    static Map<String, String> readmeOperations() {
        try {
            String readme = Files.readString(Processes.projectRoot().resolve("README.md"), StandardCharsets.UTF_8);
            Matcher row = Pattern.compile("(?m)^\\| `(GET|POST|PUT|DELETE) (/[^` ]*)`[^|]*\\| (\\w+) \\|").matcher(readme);
            Map<String, String> operations = new LinkedHashMap<>();
            while (row.find()) {
                operations.put(row.group(1) + " /api/v1" + row.group(2), row.group(3));
            }
            return operations;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "METHOD /full/path" of each operation of the document, its server's path in front. */
    static Map<String, Operation> documentedOperations() {
        String server = document.getServers() == null || document.getServers().isEmpty() ? "" : document.getServers().get(0).getUrl();
        String prefix = server.replaceFirst("^https?://[^/]+", "").replaceAll("/$", "");
        Map<String, Operation> operations = new LinkedHashMap<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method.name() + " " + prefix + path, operation)));
        return operations;
    }

    private static boolean hasSchema(ApiResponse answer, String mediaType) {
        // A shared answer is a reference to #/components/responses/<name>.
        ApiResponse response = answer.get$ref() == null ? answer
                : document.getComponents().getResponses().get(answer.get$ref().substring(answer.get$ref().lastIndexOf('/') + 1));
        return response != null && response.getContent() != null && response.getContent().get(mediaType) != null
                && response.getContent().get(mediaType).getSchema() != null;
    }

}
