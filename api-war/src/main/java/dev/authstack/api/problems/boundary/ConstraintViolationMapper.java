package dev.authstack.api.problems.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;
import java.util.stream.Collectors;

/** Bean Validation failures of a request: 400 with one entry per field, named as the JSON names it. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException failure) {
        // Two constraints may say the same of one field (@Email and @Pattern): each message once.
        var messages = failure.getConstraintViolations().stream()
                .map(violation -> Map.entry(field(violation), violation.getMessage()))
                .distinct()
                .sorted(Map.Entry.comparingByKey())
                .toList();
        JsonArrayBuilder errors = Json.createArrayBuilder();
        messages.forEach(message -> errors.add(Json.createObjectBuilder()
                .add("field", message.getKey())
                .add("message", message.getValue())));
        String detail = messages.stream()
                .map(message -> message.getKey().isEmpty() ? message.getValue() : message.getKey() + ": " + message.getValue())
                .collect(Collectors.joining("; "));
        return new Problem(400, "validation-failed", "Invalid Request", detail)
                .with("errors", errors.build())
                .toResponse(Map.of());
    }

    /** The JSON name of the offending field: the last node of the path, in snake case like the API's bodies. */
    static String field(ConstraintViolation<?> violation) {
        String name = "";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                name = node.getName();
            }
        }
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }
}
