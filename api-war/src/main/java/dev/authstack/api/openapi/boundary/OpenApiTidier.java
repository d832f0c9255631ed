package dev.authstack.api.openapi.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Takes out of the OpenAPI document what Payara's scanner adds that the annotations do not say (mp.openapi.filter):
 * the annotations' zero and false defaults copied into every schema ({@code maxProperties: 0} would forbid every
 * property of an object), a {@code *}{@code /*} request body beside the JSON one (it moves the body's examples to the
 * JSON one), and examples served as strings: an annotation can only write an example as text, so a JSON example, a
 * number or a boolean is turned back into what it says.
 */
public class OpenApiTidier implements OASFilter {

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
    }

    @Override
    public Schema filterSchema(Schema schema) {
        return tidy(schema);
    }

    /** Answers' schemas are written inline, where Payara does not pass them to {@link #filterSchema}. */
    @Override
    public APIResponse filterAPIResponse(APIResponse response) {
        if (response.getContent() != null) {
            response.getContent().getMediaTypes().values().forEach(media -> tidyTree(media.getSchema()));
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
