package dev.authstack.api.keys.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

import dev.authstack.api.security.boundary.Anonymous;
import dev.authstack.api.contract.JsonWebKey;
import dev.authstack.api.contract.JsonWebKeySet;
import dev.authstack.api.contract.OpenIdConfiguration;
import dev.authstack.api.keys.control.KeyRing;

/**
 * What a service needs to verify our tokens on its own: the public keys, and the discovery document that names the
 * issuer and where the keys are. Anonymous, cacheable, and answered from memory.
 */
@Path(".well-known")
@Anonymous
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "keys", description = "The keys that verify access tokens, for services that check our tokens themselves.")
public class WellKnownResource {

    static final String JWKS_PATH = "/.well-known/jwks.json";

    @Inject
    KeyRing keys;

    @Inject
    @ConfigProperty(name = "issuer")
    String issuer;

    @GET
    @Path("jwks.json")
    @Operation(operationId = "jwks", summary = "The public keys that verify access tokens (JWK Set)")
    @APIResponse(responseCode = "200", description = "Public keys only, each with its kid; cache for max-age, which is "
            + "shorter than the time a new key is published before it signs.",
            headers = @Header(name = "Cache-Control", description = "public, max-age=N", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = JsonWebKeySet.class)))
    public Response jwks() {
        List<JsonWebKey> published = keys.published().stream().map(KeyRing.Entry::publicJwk)
                .map(key -> new JsonWebKey("EC", key.getCurve().getName(), key.getX().toString(), key.getY().toString(),
                        key.getKeyID(), "sig", "ES256"))
                .toList();
        return Response.ok(new JsonWebKeySet(published)).cacheControl(publicFor(keys.jwksMaxAgeSeconds())).build();
    }

    @GET
    @Path("openid-configuration")
    @Operation(operationId = "openidConfiguration", summary = "The issuer's discovery document (OpenID Connect Discovery)")
    @APIResponse(responseCode = "200", description = "The issuer, exactly as tokens carry it, and the JWK Set's URL.",
            headers = @Header(name = "Cache-Control", description = "public, max-age=N", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = OpenIdConfiguration.class)))
    public Response openIdConfiguration() {
        return Response.ok(new OpenIdConfiguration(issuer, issuer + JWKS_PATH, issuer + "/auth/login", List.of("ES256"),
                        List.of("public"), List.of("token"),
                        List.of("iss", "sub", "aud", "exp", "iat", "jti", "preferred_username", "upn", "groups")))
                .cacheControl(publicFor(3600)).build();
    }

    private static CacheControl publicFor(long seconds) {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setMaxAge((int) seconds);
        cacheControl.setNoTransform(false);
        return cacheControl;
    }
}
