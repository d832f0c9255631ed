package dev.authstack.api.contract;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A signing key as administrators see it: its id and its times, never its private half. */
@Schema(description = "A signing key and where it stands in its life.")
@JsonbPropertyOrder({"kid", "state", "createdAt", "signsFrom", "verifiesUntil"})
public record SigningKeyView(
        @Schema(example = "jfzwKXt0Ks4rPhLrUM8tS6OaGuZ9QaRq6SxK8kNRQ5Y", required = true, maxLength = 64) String kid,
        @Schema(description = "next: published, not signing yet; active: signs new tokens; retiring: verifies the tokens "
                + "it signed until they expire.", example = "next", required = true,
                enumeration = {"next", "active", "retiring"}) String state,
        @Schema(name = "created_at", type = SchemaType.STRING, format = "date-time", description = "Published in the JWK Set since.",
                example = "2026-12-01T14:00:00Z", required = true)
        @JsonbProperty("created_at") Instant createdAt,
        @Schema(name = "signs_from", type = SchemaType.STRING, format = "date-time", example = "2026-12-01T14:10:00Z", required = true)
        @JsonbProperty("signs_from") Instant signsFrom,
        @Schema(name = "verifies_until", type = SchemaType.STRING, format = "date-time",
                description = "When it leaves the JWK Set; absent while no later key has taken over.", example = "2026-12-01T15:10:30Z")
        @JsonbProperty("verifies_until") Instant verifiesUntil) {
}
