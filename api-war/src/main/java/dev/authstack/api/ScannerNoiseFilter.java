package dev.authstack.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Takes out of the OpenAPI document what Payara's scanner adds that the annotations do not say (mp.openapi.filter):
 * the annotations' zero defaults copied into every schema ({@code maxProperties: 0} would forbid every property of an
 * object), a {@code *}{@code /*} request body beside the JSON one, and JSON examples served as strings of JSON.
 */
public class ScannerNoiseFilter implements OASFilter {

    @Override
    public Schema filterSchema(Schema schema) {
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
        return schema;
    }

    @Override
    public RequestBody filterRequestBody(RequestBody body) {
        if (body.getContent() != null && body.getContent().hasMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)) {
            body.getContent().removeMediaType(jakarta.ws.rs.core.MediaType.WILDCARD);
            parseExamples(body.getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON));
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
            case ARRAY -> ((JsonArray) value).stream().map(ScannerNoiseFilter::plain).toList();
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? ((JsonNumber) value).longValue() : ((JsonNumber) value).doubleValue();
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> null;
        };
    }
}
