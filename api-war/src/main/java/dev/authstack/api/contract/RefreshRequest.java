package dev.authstack.api.contract;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A refresh: the refresh token of the last login or refresh. Any text is taken; what is not a live token is a 401. */
@Schema(description = "The refresh token to trade for new tokens.")
public record RefreshRequest(
        @Schema(name = "refresh_token", example = "g6div-aq0oPU1TPsc0yBjXYLmwcNBD5npxWVC331ViBIOLMqzjyIdvgk7KkZ8caaq9Sucd4WLvk", required = true, maxLength = 1024)
        @JsonbProperty("refresh_token") @NotNull @Length(max = 1024) String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[]";
    }
}
