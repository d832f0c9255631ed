package dev.authstack.api.contract;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The JWK Set (RFC 7517, section 5) a service fetches to verify our tokens: public keys only. */
@Schema(description = "Every key that verifies access tokens now: the signing key, a key published ahead of its first "
        + "signature, and a previous key until its last token has expired.", requiredProperties = "keys")
public record JsonWebKeySet(@Schema(maxItems = 16) List<JsonWebKey> keys) {
}
