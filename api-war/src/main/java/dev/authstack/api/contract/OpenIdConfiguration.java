package dev.authstack.api.contract;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The discovery document (OpenID Connect Discovery 1.0, RFC 8414) that resource servers read from the issuer's URL:
 * the issuer, exactly as tokens carry it, and where its keys are.
 */
@Schema(description = "What a resource server needs to verify our tokens from nothing but the issuer URL.",
        requiredProperties = {"issuer", "jwks_uri", "token_endpoint", "id_token_signing_alg_values_supported"})
@JsonbPropertyOrder({"issuer", "jwksUri", "tokenEndpoint", "idTokenSigningAlgValuesSupported", "subjectTypesSupported",
        "responseTypesSupported", "claimsSupported"})
public record OpenIdConfiguration(
        @Schema(example = "https://auth.example.com/api/v1", maxLength = 2048) String issuer,
        @Schema(name = "jwks_uri", example = "https://auth.example.com/api/v1/.well-known/jwks.json", maxLength = 2048)
        @JsonbProperty("jwks_uri") String jwksUri,
        @Schema(name = "token_endpoint", description = "Where a username and password are traded for tokens (a JSON body, "
                + "not an OAuth grant).", example = "https://auth.example.com/api/v1/auth/login", maxLength = 2048)
        @JsonbProperty("token_endpoint") String tokenEndpoint,
        @Schema(name = "id_token_signing_alg_values_supported", maxItems = 1)
        @JsonbProperty("id_token_signing_alg_values_supported") List<String> idTokenSigningAlgValuesSupported,
        @Schema(name = "subject_types_supported", maxItems = 1)
        @JsonbProperty("subject_types_supported") List<String> subjectTypesSupported,
        @Schema(name = "response_types_supported", maxItems = 1)
        @JsonbProperty("response_types_supported") List<String> responseTypesSupported,
        @Schema(name = "claims_supported", maxItems = 16)
        @JsonbProperty("claims_supported") List<String> claimsSupported) {
}
