package dev.authstack.api.contract;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sentence for a person, such as what logout answers. */
@Schema(description = "A sentence for a person.")
public record Message(@Schema(example = "Logged out; the session has ended.", required = true) String message) {
}
