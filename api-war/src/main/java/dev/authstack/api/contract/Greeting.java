package dev.authstack.api.contract;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What {@code GET /hello} answers. */
@Schema(description = "A greeting for the caller.")
public record Greeting(
        @Schema(example = "hello world", required = true, enumeration = "hello world") String message,
        @Schema(description = "The caller's username.", example = "admin", required = true, maxLength = Username.MAX_LENGTH) String user) {
}
