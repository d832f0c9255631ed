package dev.authstack.api.contract;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem document, as every error of the API is answered ({@code application/problem+json}). The API
 * writes it through its {@code Problem} class; clients read it as this record.
 */
@Schema(description = "An RFC 9457 problem document: every error answer has this shape.")
public record ProblemDocument(
        @Schema(description = "'urn:problem-type:auth-stack:<slug>', or 'about:blank' when the status says it all.",
                example = "urn:problem-type:auth-stack:validation-failed", required = true, maxLength = 100) String type,
        @Schema(example = "Invalid Request", required = true, maxLength = 100) String title,
        @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "400", maximum = "599", example = "400", required = true)
        int status,
        @Schema(description = "What went wrong, for a person.", example = "username: must be 3 to 50 letters, digits, '_', '.' or '-'",
                maxLength = 8192) String detail,
        @Schema(description = "On a 5xx: the id of the server's log entry.", example = "7f1c8d0e-2a4b-4c3d-9e8f-0a1b2c3d4e5f",
                format = "uuid", maxLength = 36) String incident,
        @Schema(implementation = FieldError[].class,
                description = "On a validation failure: one entry per field and message.", maxItems = 16) List<FieldError> errors) {

    /** One broken rule of one field, named as the JSON body names it. */
    @Schema(description = "One broken rule of one field.")
    public record FieldError(
            @Schema(description = "The JSON name of the field.", example = "username", required = true, maxLength = 64) String field,
            @Schema(example = "must be 3 to 50 letters, digits, '_', '.' or '-'", required = true, maxLength = 200) String message) {
    }

    public List<FieldError> errors() {
        return errors == null ? List.of() : errors;
    }
}
