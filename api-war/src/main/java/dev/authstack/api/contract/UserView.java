package dev.authstack.api.contract;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.Serializable;
import java.time.Instant;

/** A user as the API shows it: never the password or its hash. Serializable: the web app keeps users in its views. */
@Schema(description = "A user account; never contains a password or a hash.")
@JsonbPropertyOrder({"id", "username", "email", "isAdmin", "isActive", "createdAt", "lastLoginAt"})
public record UserView(
        @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", maximum = "9223372036854775807", example = "2",
                required = true) long id,
        @Schema(example = "alice", required = true, pattern = "^" + Username.PATTERN + "$", minLength = 3,
                maxLength = Username.MAX_LENGTH) String username,
        @Schema(example = "alice@example.com", required = true, maxLength = EmailAddress.MAX_LENGTH) String email,
        @Schema(name = "is_admin", example = "false", required = true) @JsonbProperty("is_admin") boolean isAdmin,
        @Schema(name = "is_active", example = "true", required = true) @JsonbProperty("is_active") boolean isActive,
        @Schema(name = "created_at", type = SchemaType.STRING, format = "date-time", example = "2026-11-24T14:03:45.794246Z",
                required = true)
        @JsonbProperty("created_at") Instant createdAt,
        @Schema(name = "last_login_at", type = SchemaType.STRING, format = "date-time",
                description = "The last successful login; absent when there was none.", example = "2026-11-25T09:12:03.120034Z")
        @JsonbProperty("last_login_at") Instant lastLoginAt) implements Serializable {
}
