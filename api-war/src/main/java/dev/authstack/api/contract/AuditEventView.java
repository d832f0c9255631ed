package dev.authstack.api.contract;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.Serializable;
import java.time.Instant;

/** One event of the audit trail: never a password, hash or token. Absent parts are null. */
@Schema(description = "Something that happened: a login, a logout, an administrator's change.")
@JsonbPropertyOrder({"id", "occurredAt", "type", "actorId", "actorUsername", "subjectId", "subjectUsername", "clientAddress",
        "userAgent", "details"})
public record AuditEventView(
        @Schema(example = "42", required = true) long id,
        @Schema(name = "occurred_at", example = "2026-11-25T14:03:45.794246Z", required = true)
        @JsonbProperty("occurred_at") Instant occurredAt,
        @Schema(example = "login_failed", required = true, enumeration = {"login_succeeded", "login_failed", "login_throttled",
                "logout", "user_created", "user_updated", "user_deleted", "tokens_revoked", "signing_key_rotated",
                "refresh_token_reused"}) String type,
        @Schema(name = "actor_id", description = "Who acted.", example = "1") @JsonbProperty("actor_id") Long actorId,
        @Schema(name = "actor_username", example = "admin") @JsonbProperty("actor_username") String actorUsername,
        @Schema(name = "subject_id", description = "Who was acted on.", example = "2") @JsonbProperty("subject_id") Long subjectId,
        @Schema(name = "subject_username", example = "alice") @JsonbProperty("subject_username") String subjectUsername,
        @Schema(name = "client_address", example = "203.0.113.7") @JsonbProperty("client_address") String clientAddress,
        @Schema(name = "user_agent", example = "curl/7.88.1") @JsonbProperty("user_agent") String userAgent,
        @Schema(example = "wrong password") String details) implements Serializable {
}
