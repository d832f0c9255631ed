package dev.authstack.api.contract;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.Serializable;
import java.time.Instant;

/** A live session as its user (or an administrator) sees it. Serializable: the web app keeps them in its views. */
@Schema(description = "A session: one login, on one device, until it is ended or expires.")
@JsonbPropertyOrder({"id", "createdAt", "lastUsedAt", "expiresAt", "clientAddress", "userAgent", "current"})
public record SessionView(
        @Schema(description = "The sid its access tokens carry.", example = "5b0f7a7e-3f63-4f0a-9c34-2b8c1b3f9d11", required = true,
                maxLength = 36) String id,
        @Schema(name = "created_at", type = SchemaType.STRING, format = "date-time", description = "When its login happened.",
                example = "2026-12-01T09:12:03Z", required = true)
        @JsonbProperty("created_at") Instant createdAt,
        @Schema(name = "last_used_at", type = SchemaType.STRING, format = "date-time", description = "The last login or refresh.",
                example = "2026-12-01T13:40:00Z", required = true)
        @JsonbProperty("last_used_at") Instant lastUsedAt,
        @Schema(name = "expires_at", type = SchemaType.STRING, format = "date-time", description = "Its absolute end.",
                example = "2026-12-31T09:12:03Z", required = true)
        @JsonbProperty("expires_at") Instant expiresAt,
        @Schema(name = "client_address", example = "203.0.113.7", maxLength = 45)
        @JsonbProperty("client_address") String clientAddress,
        @Schema(name = "user_agent", example = "Mozilla/5.0 (X11; Linux x86_64)", maxLength = 200)
        @JsonbProperty("user_agent") String userAgent,
        @Schema(description = "The session of the token this request carries.", example = "true", required = true)
        boolean current) implements Serializable {
}
