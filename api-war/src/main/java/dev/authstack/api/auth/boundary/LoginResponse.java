package dev.authstack.api.auth.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import dev.authstack.api.auth.entity.AccessToken;
import dev.authstack.api.users.boundary.UserView;
import dev.authstack.api.users.entity.User;

/** The OAuth 2.0-style token response (RFC 6749, 5.1) plus the user it was issued to. */
@JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn", "user"})
public record LoginResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn,
        UserView user) {

    static LoginResponse of(AccessToken token, User user) {
        return new LoginResponse(token.compact(), "Bearer", token.lifetimeSeconds(), UserView.of(user));
    }
}
