package dev.authstack.api.contract;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.Serializable;
import java.util.List;

/** A page of the audit trail, newest first; {@code next_cursor} is null on the last page. */
@Schema(description = "A page of audit events, newest first.", requiredProperties = "events")
public record AuditEventsPage(
        // X[].class, not type = ARRAY: Payara then names the element schema. required = true here makes its scanner
        // fail (NullPointerException in visitSize), so the class lists the required property.
        @Schema(implementation = AuditEventView[].class, description = "The events of this page: at most the limit asked for.",
                maxItems = 200)
        List<AuditEventView> events,
        @Schema(name = "next_cursor", description = "Pass it as cursor for the next page; null on the last one.", example = "41",
                pattern = "^[0-9]{1,18}$", maxLength = 18)
        @JsonbNillable @JsonbProperty("next_cursor") String nextCursor) implements Serializable {
}
