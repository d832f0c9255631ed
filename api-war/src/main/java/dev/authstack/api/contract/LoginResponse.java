package dev.authstack.api.contract;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OAuth 2.0-style token response (RFC 6749, 5.1) plus the user it was issued to. */
@Schema(description = "A bearer token and the user it was issued to.")
@JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn", "user"})
public record LoginResponse(
        @Schema(name = "access_token", description = "An ES256 JWS (RFC 7515), signed with the key its kid names in the "
                + "JWK Set; send it as 'Authorization: Bearer <token>'.", maxLength = 4096,
                example = "eyJhbGciOiJFUzI1NiIsImtpZCI6ImpmendLWHQwS3M0clBoTHJVTTh0UzZPYUd1WjlRYVJxNlN4SzhrTlJRNVkiLCJ0eXAiOiJKV1QifQ"
                        + ".eyJzdWIiOiIxIn0.c2lnbmF0dXJl", required = true)
        @JsonbProperty("access_token") String accessToken,
        @Schema(name = "token_type", example = "Bearer", required = true, enumeration = "Bearer")
        @JsonbProperty("token_type") String tokenType,
        @Schema(name = "expires_in", type = SchemaType.INTEGER, format = "int64", description = "Seconds until the token expires.",
                minimum = "1", maximum = "9223372036854775807", example = "3600", required = true)
        @JsonbProperty("expires_in") long expiresIn,
        @Schema(required = true) UserView user) {

    /** The token is a secret: a log line that prints this record must not reveal it. */
    @Override
    public String toString() {
        return "LoginResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", user=" + user + "]";
    }
}
