package dev.authstack.api.contract;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.Serializable;
import java.time.Instant;

/** One event of the audit trail: never a password, hash or token. Absent parts are null. */
@Schema(description = "Something that happened: a login, a logout, an administrator's change.")
@JsonbPropertyOrder({"id", "occurredAt", "type", "actorId", "actorUsername", "subjectId", "subjectUsername", "clientAddress",
        "userAgent", "details"})
public record AuditEventView(
        @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", maximum = "9223372036854775807", example = "42",
                required = true) long id,
        @Schema(name = "occurred_at", type = SchemaType.STRING, format = "date-time", example = "2026-11-25T14:03:45.794246Z", required = true)
        @JsonbProperty("occurred_at") Instant occurredAt,
        @Schema(example = "login_failed", required = true, enumeration = {"login_succeeded", "login_failed", "login_throttled",
                "logout", "user_created", "user_updated", "user_deleted", "tokens_revoked", "signing_key_rotated",
                "refresh_token_reused"}) String type,
        @Schema(name = "actor_id", type = SchemaType.INTEGER, format = "int64", minimum = "1", maximum = "9223372036854775807",
                description = "Who acted.", example = "1") @JsonbProperty("actor_id") Long actorId,
        @Schema(name = "actor_username", example = "admin", maxLength = Username.MAX_LENGTH) @JsonbProperty("actor_username") String actorUsername,
        @Schema(name = "subject_id", type = SchemaType.INTEGER, format = "int64", minimum = "1",
                maximum = "9223372036854775807", description = "Who was acted on.", example = "2") @JsonbProperty("subject_id") Long subjectId,
        @Schema(name = "subject_username", example = "alice", maxLength = Username.MAX_LENGTH) @JsonbProperty("subject_username") String subjectUsername,
        @Schema(name = "client_address", description = "IPv4 or IPv6.", example = "203.0.113.7", maxLength = 45) @JsonbProperty("client_address") String clientAddress,
        @Schema(name = "user_agent", description = "The first 200 characters.", example = "curl/7.88.1", maxLength = 200) @JsonbProperty("user_agent") String userAgent,
        @Schema(example = "wrong password", maxLength = 200) String details) implements Serializable {
}
