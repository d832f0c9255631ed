package dev.authstack.api.problems.boundary;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.io.StringReader;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.authstack.api.contract.ProblemDocument.FieldError;

/** Bean Validation failures of a request: 400 with one entry per field, named as the JSON names it. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Response toResponse(ConstraintViolationException failure) {
        // Each message once (a rule reached along two paths reports twice), in an order that does not vary by run.
        List<FieldError> errors = failure.getConstraintViolations().stream()
                .map(violation -> new FieldError(field(violation), violation.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        String detail = errors.stream()
                .map(error -> error.field().isEmpty() ? error.message() : error.field() + ": " + error.message())
                .collect(Collectors.joining("; "));
        return new Problem(400, "validation-failed", "Invalid Request", detail)
                .with("errors", asJson(errors))
                .toResponse(Map.of());
    }

    /** Written by JSON-B from the contract's record, so that the names are the ones clients read it with. */
    private static JsonValue asJson(List<FieldError> errors) {
        try (var reader = Json.createReader(new StringReader(JSONB.toJson(errors)))) {
            return reader.readArray();
        }
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
