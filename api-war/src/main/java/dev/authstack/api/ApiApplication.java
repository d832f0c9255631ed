package dev.authstack.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

import java.util.Map;

import dev.authstack.api.contract.ProblemDocument;
import dev.authstack.api.problems.boundary.Problem;

/**
 * The JAX-RS application: with the WAR's context root {@code /api} every resource lives under {@code /api/v1}.
 * The version is in the path so that a v2 can be deployed beside v1 without breaking its clients.
 * <p>
 * The OpenAPI document (Payara serves it at {@code /openapi}) is made from the annotations on the resources and the
 * contract records; this class adds what belongs to the whole API: its description and the bearer scheme.
 */
@ApplicationPath("v1")
@OpenAPIDefinition(
        info = @Info(title = "auth-stack API", version = "v1",
                description = "Login, logout that really revokes, and administrator-managed users. Every body is JSON; "
                        + "every error is an RFC 9457 problem document (application/problem+json)."),
        servers = @Server(url = "/api", description = "The server that serves this document, whichever it is (local, staging or "
                + "production): each instance describes itself.",
                // Reachable from outside, as the API itself is (OWASP API9: declare each server's audience).
                extensions = @Extension(name = "x-internal", value = "false", parseValue = true)),
        // The answers most operations share, written once and referred to by name (#/components/responses/...).
        components = @Components(responses = {
                @APIResponse(name = ApiApplication.UNAUTHENTICATED, responseCode = "401",
                        description = "No token, or a token that is invalid, expired or revoked.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class))),
                @APIResponse(name = ApiApplication.NOT_ADMINISTRATOR, responseCode = "403",
                        description = "The caller is not an administrator.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class))),
                @APIResponse(name = ApiApplication.UNAVAILABLE, responseCode = "503",
                        description = "PostgreSQL or Redis is unreachable; the request was refused.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))}))
@SecurityScheme(securitySchemeName = ApiApplication.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "The access_token of POST /v1/auth/login: an ES256 JWS with a kid, verifiable with "
                + "the keys of GET /v1/.well-known/jwks.json. Issued and verified following RFC8725 (JSON Web Token Best Current "
                + "Practices): one accepted algorithm (never none), a key chosen by kid among our own keys only (never from a "
                + "jku, x5u or jwk header), and issuer, audience and expiry checked.")
public class ApiApplication extends Application {

    /** The name the resources' security requirements refer to. */
    public static final String BEARER = "bearer";
    /** The names of the shared answers, for {@code @APIResponse(ref = ...)}. */
    public static final String UNAUTHENTICATED = "Unauthenticated";
    public static final String NOT_ADMINISTRATOR = "NotAnAdministrator";
    public static final String UNAVAILABLE = "Unavailable";

    @Override
    public Map<String, Object> getProperties() {
        // The WADL would be a second, partial description of the API: /openapi is the one.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
