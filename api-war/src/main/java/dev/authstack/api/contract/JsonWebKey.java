package dev.authstack.api.contract;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public half of a signing key (RFC 7517, 7518 section 6.2): a P-256 point, its id and its one use. */
@Schema(description = "A public key that verifies access tokens (EC P-256, ES256).")
@JsonbPropertyOrder({"kty", "crv", "x", "y", "kid", "use", "alg"})
public record JsonWebKey(
        @Schema(example = "EC", required = true, enumeration = "EC") String kty,
        @Schema(example = "P-256", required = true, enumeration = "P-256") String crv,
        @Schema(description = "The point's x coordinate, base64url.", example = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
                required = true, maxLength = 43) String x,
        @Schema(description = "The point's y coordinate, base64url.", example = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
                required = true, maxLength = 43) String y,
        @Schema(description = "The key's id, its RFC 7638 thumbprint: the kid header of the tokens it signs.",
                example = "jfzwKXt0Ks4rPhLrUM8tS6OaGuZ9QaRq6SxK8kNRQ5Y", required = true, maxLength = 64) String kid,
        @Schema(example = "sig", required = true, enumeration = "sig") String use,
        @Schema(example = "ES256", required = true, enumeration = "ES256") String alg) {
}
