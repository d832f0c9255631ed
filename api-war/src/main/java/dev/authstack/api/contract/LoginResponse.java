package dev.authstack.api.contract;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OAuth 2.0-style token response (RFC 6749, 5.1) plus the user it was issued to: a short access token and the
 * refresh token that gets the next one, for the session the login (or refresh) belongs to.
 */
@Schema(description = "A bearer token, the refresh token for the next one, and the user they were issued to.")
@JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn", "refreshToken", "refreshExpiresIn", "user", "deviceToken",
        "deviceExpiresIn"})
public record LoginResponse(
        @Schema(name = "access_token", description = "An ES256 JWS (RFC 7515) naming its session (sid), signed with the key "
                + "its kid names in the JWK Set; send it as 'Authorization: Bearer <token>'.", maxLength = 4096,
                example = "eyJhbGciOiJFUzI1NiIsImtpZCI6ImpmendLWHQwS3M0clBoTHJVTTh0UzZPYUd1WjlRYVJxNlN4SzhrTlJRNVkiLCJ0eXAiOiJKV1QifQ"
                        + ".eyJzdWIiOiIxIn0.c2lnbmF0dXJl", required = true)
        @JsonbProperty("access_token") String accessToken,
        @Schema(name = "token_type", example = "Bearer", required = true, enumeration = "Bearer")
        @JsonbProperty("token_type") String tokenType,
        @Schema(name = "expires_in", type = SchemaType.INTEGER, format = "int64", description = "Seconds until the token expires.",
                minimum = "1", maximum = "9223372036854775807", example = "3600", required = true)
        @JsonbProperty("expires_in") long expiresIn,
        @Schema(name = "refresh_token", description = "Opaque (75 characters, base64url); trade it once at POST /auth/refresh "
                + "for new tokens. Keep it secret: it is the session.", example = "g6div-aq0oPU1TPsc0yBjXYLmwcNBD5npxWVC331ViBIOLMqzjyIdvgk7KkZ8caaq9Sucd4WLvk", required = true,
                minLength = 75, maxLength = 75, pattern = "^[A-Za-z0-9_-]{75}$")
        @JsonbProperty("refresh_token") String refreshToken,
        @Schema(name = "refresh_expires_in", type = SchemaType.INTEGER, format = "int64",
                description = "Seconds until the refresh token expires unless used (idle limit, or the session's absolute end).",
                minimum = "0", maximum = "9223372036854775807", example = "1209600", required = true)
        @JsonbProperty("refresh_expires_in") long refreshExpiresIn,
        @Schema(required = true) UserView user,
        @Schema(name = "device_token", description = "Only in a login's answer: a token for this device and this username "
                + "(OWASP's device cookie). Keep it, replacing the one sent, and send it with the next login as this "
                + "username: that login is then throttled per device, so that failures elsewhere never make it wait. "
                + "A secret of the device, though not a credential: it logs nobody in.", maxLength = 76, minLength = 76,
                pattern = "^[A-Za-z0-9_-]{32}\\.[A-Za-z0-9_-]{43}$",
                example = "q8Vh3t0lS0m2G3bJ7yQw1AAAAABo2ZqA.pX3k9Yc2nQ7bL0aV8sD4fG6hJ1kZ5xC3vB9nM2qW7eQ")
        @JsonbProperty("device_token") String deviceToken,
        @Schema(name = "device_expires_in", type = SchemaType.INTEGER, format = "int64",
                description = "Only beside device_token: seconds until it expires.", minimum = "1",
                maximum = "9223372036854775807", example = "7776000")
        @JsonbProperty("device_expires_in") Long deviceExpiresIn) {

    /** The tokens are secrets: a log line that prints this record must not reveal them. */
    @Override
    public String toString() {
        return "LoginResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", user=" + user + "]";
    }
}
