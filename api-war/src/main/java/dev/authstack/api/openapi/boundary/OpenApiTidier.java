package dev.authstack.api.openapi.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes out of the OpenAPI document what Payara's scanner adds that the annotations do not say (mp.openapi.filter):
 * the annotations' zero and false defaults copied into every schema ({@code maxProperties: 0} would forbid every
 * property of an object), a {@code *}{@code /*} request body beside the JSON one (it moves the body's examples to the
 * JSON one), and examples served as strings: an annotation can only write an example as text, so a JSON example, a
 * number or a boolean is turned back into what it says.
 * <p>
 * It also says what the annotations cannot: that an operation nobody needs a token for is open on purpose, that a
 * contract record is one named component (Payara copies a record's schema into every answer and property that uses it,
 * and the copies inside other components even keep the Java names), and the rule for the items of a list of strings.
 * What this class does is checked against the live document by web-war's ApiDocsIT and ApiDocsToolsIT.
 */
public class OpenApiTidier implements OASFilter {

    /**
     * The longest date-time the API writes: JSON-B writes an {@code Instant} as ISO-8601 in UTC, nanoseconds at most,
     * {@code 2026-11-24T14:03:45.794246123Z}.
     */
    static final int DATE_TIME_MAX_LENGTH = 30;

    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

    /** Payara lists a tag once per class that names it; OpenAPI wants each name once (the one with a description). */
    @Override
    public void filterOpenAPI(OpenAPI document) {
        if (document.getTags() != null) {
            Map<String, Tag> byName = new LinkedHashMap<>();
            for (Tag tag : document.getTags()) {
                byName.merge(tag.getName(), tag, (kept, other) -> kept.getDescription() != null ? kept : other);
            }
            document.setTags(new ArrayList<>(byName.values()));
        }
        if (document.getServers() != null) {
            // The document is served by the instance it describes: reachable from outside, as the API itself is.
            document.getServers().forEach(server -> server.addExtension("x-internal", false));
        }
        withoutPayaraEndpoints(document);
        if (document.getComponents() != null && document.getComponents().getSchemas() != null) {
            referToComponents(document);
        }
    }

    /**
     * Payara adds a root field of its own, {@code endpoints} (each application's paths), which OpenAPI 3.0 does not
     * allow (only {@code x-} fields). It is not in MicroProfile's model, so it is emptied through Payara's, which
     * leaves an empty map out of the document; elsewhere there is nothing to empty.
     */
    private static void withoutPayaraEndpoints(OpenAPI document) {
        try {
            if (document.getClass().getMethod("getEndpoints").invoke(document) instanceof Map<?, ?> endpoints) {
                endpoints.clear();
            }
        } catch (ReflectiveOperationException | UnsupportedOperationException e) {
            // Not Payara's model, or not this version's: nothing to take out.
        }
    }

    /**
     * Replaces each copy of a component's schema with a reference to it: in the answers and request bodies of every
     * operation, in the shared answers, and inside the components themselves. A copy is recognised by its
     * description, which is the record's own, or else by its property names: no two records share either.
     */
    private static void referToComponents(OpenAPI document) {
        Map<String, Schema> components = document.getComponents().getSchemas();
        Map<String, String> byDescription = new LinkedHashMap<>();
        Map<Set<String>, String> byProperties = new LinkedHashMap<>();
        components.forEach((name, schema) -> {
            if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                if (schema.getDescription() != null) {
                    byDescription.putIfAbsent(schema.getDescription(), name);
                }
                byProperties.putIfAbsent(new HashSet<>(schema.getProperties().keySet()), name);
            }
        });
        Copies copies = new Copies(byDescription, byProperties);
        components.forEach((name, schema) -> copies.replaceInside(schema));
        if (document.getComponents().getResponses() != null) {
            document.getComponents().getResponses().values().stream().filter(response -> response.getContent() != null)
                    .forEach(response -> response.getContent().getMediaTypes().values().forEach(copies::replaceIn));
        }
        if (document.getPaths() == null || document.getPaths().getPathItems() == null) {
            return;
        }
        document.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().getMediaTypes().values().forEach(copies::replaceIn);
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().stream().filter(response -> response.getContent() != null)
                        .forEach(response -> response.getContent().getMediaTypes().values().forEach(copies::replaceIn));
            }
        }));
    }

    /** The components' schemas, known by description and by property names, and the references that replace copies. */
    private record Copies(Map<String, String> byDescription, Map<Set<String>, String> byProperties) {

        void replaceIn(MediaType media) {
            if (media.getSchema() != null) {
                media.setSchema(replaced(media.getSchema()));
            }
        }

        /** A reference when the schema is a copy of a component, else the schema with the copies inside it replaced. */
        Schema replaced(Schema schema) {
            if (schema.getRef() == null && schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                String name = schema.getDescription() != null ? byDescription.get(schema.getDescription()) : null;
                if (name == null) {
                    name = byProperties.get(new HashSet<>(schema.getProperties().keySet()));
                }
                if (name != null) {
                    return OASFactory.createSchema().ref(name);
                }
            }
            replaceInside(schema);
            return schema;
        }

        void replaceInside(Schema schema) {
            if (schema.getProperties() != null) {
                Map<String, Schema> properties = new LinkedHashMap<>();
                schema.getProperties().forEach((name, property) -> properties.put(name, replaced(property)));
                schema.setProperties(properties);
            }
            if (schema.getItems() != null) {
                schema.setItems(replaced(schema.getItems()));
            }
        }
    }

    /**
     * An operation without a security requirement is open to anyone (the resource is {@code @Anonymous}): it says so
     * with the empty requirement, {@code security: [{}]}, so that a reader can tell "anyone" from "not documented".
     */
    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
        }
        return operation;
    }

    @Override
    public Schema filterSchema(Schema schema) {
        return tidy(schema);
    }

    /**
     * Answers' schemas are written inline, where Payara does not pass them to {@link #filterSchema}; their examples
     * are text like a request body's. Every answer may carry the CORS header, which the annotations would have to
     * repeat on each.
     */
    @Override
    public APIResponse filterAPIResponse(APIResponse response) {
        if (response.getRef() != null) {
            // A reference to a shared answer, whose headers are its own: anything beside a reference is ignored.
            return response;
        }
        if (response.getContent() != null) {
            response.getContent().getMediaTypes().values().forEach(media -> {
                tidyTree(media.getSchema());
                parseExamples(media);
            });
        }
        if (response.getHeaders() == null || !response.getHeaders().containsKey(ALLOW_ORIGIN)) {
            response.addHeader(ALLOW_ORIGIN, OASFactory.createHeader()
                    .description("The request's Origin, when it is one of CORS_ALLOWED_ORIGINS (none by default); absent otherwise.")
                    .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri").maxLength(2048)));
        }
        return response;
    }

    private static void tidyTree(Schema schema) {
        if (schema == null) {
            return;
        }
        tidy(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiTidier::tidyTree);
        }
        tidyTree(schema.getItems());
    }

    private static Schema tidy(Schema schema) {
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        // The scanner's type for the Java type wins over the annotation's: a long is a "number", an Instant an "object".
        if ("int64".equals(schema.getFormat()) || "int32".equals(schema.getFormat())) {
            schema.setType(Schema.SchemaType.INTEGER);
        }
        if ("date-time".equals(schema.getFormat())) {
            schema.setType(Schema.SchemaType.STRING);
            if (schema.getMaxLength() == null) {
                schema.setMaxLength(DATE_TIME_MAX_LENGTH);
            }
        }
        // @Schema has no word for a list's items: a string rule written on a list of strings is its items' rule.
        if (schema.getType() == Schema.SchemaType.ARRAY && schema.getItems() != null
                && schema.getItems().getType() == Schema.SchemaType.STRING) {
            Schema items = schema.getItems();
            if (schema.getMaxLength() != null) {
                items.setMaxLength(schema.getMaxLength());
                schema.setMaxLength(null);
            }
            if (schema.getPattern() != null) {
                items.setPattern(schema.getPattern());
                schema.setPattern(null);
            }
        }
        if (schema.getExample() instanceof String text && schema.getType() != null) {
            try {
                schema.setExample(switch (schema.getType()) {
                    case BOOLEAN -> Boolean.valueOf(text);
                    case INTEGER -> Long.valueOf(text);
                    case NUMBER -> new java.math.BigDecimal(text);
                    default -> text;
                });
            } catch (NumberFormatException e) {
                // Not a number after all: it stays the text it is.
            }
        }
        return schema;
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        // A path parameter is always required (OpenAPI 3.0, 4.7.12.1).
        if (parameter.getIn() == Parameter.In.PATH) {
            parameter.setRequired(true);
        }
        if (parameter.getExample() instanceof String text && parameter.getSchema() != null
                && parameter.getSchema().getType() == Schema.SchemaType.INTEGER) {
            parameter.setExample(Long.valueOf(text));
        }
        return parameter;
    }

    @Override
    public RequestBody filterRequestBody(RequestBody body) {
        var content = body.getContent();
        if (content != null && content.hasMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)) {
            MediaType json = content.getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
            MediaType any = content.getMediaType(jakarta.ws.rs.core.MediaType.WILDCARD);
            if (any != null && any.getExamples() != null && (json.getExamples() == null || json.getExamples().isEmpty())) {
                json.setExamples(any.getExamples());
            }
            content.removeMediaType(jakarta.ws.rs.core.MediaType.WILDCARD);
            parseExamples(json);
            tidyTree(json.getSchema());
        }
        return body;
    }

    private static void parseExamples(MediaType json) {
        if (json.getExamples() == null) {
            return;
        }
        for (Example example : json.getExamples().values()) {
            if (example.getValue() instanceof String text && text.startsWith("{")) {
                try (var reader = Json.createReader(new StringReader(text))) {
                    example.setValue(plain(reader.readValue()));
                } catch (JsonParsingException e) {
                    // Not JSON after all: it stays the string it is.
                }
            }
        }
    }

    /** JSON-P's value as the maps, lists and scalars the document's writer knows. */
    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((name, member) -> map.put(name, plain(member)));
                yield map;
            }
            case ARRAY -> ((JsonArray) value).stream().map(OpenApiTidier::plain).toList();
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? ((JsonNumber) value).longValue() : ((JsonNumber) value).doubleValue();
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> null;
        };
    }
}
