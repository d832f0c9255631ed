package dev.authstack.api.contract;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What {@code GET /status} answers: the API runs, whatever its backends do. */
@Schema(description = "The API is up; no backend was consulted.")
public record ApiStatus(
        @Schema(example = "UP", required = true, enumeration = "UP") String status,
        @Schema(example = "1.0.0-SNAPSHOT", required = true, maxLength = 64) String version) {
}
