package dev.authstack.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

import java.util.Map;

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
        // The answers most operations share, written once and referred to by name (#/components/responses/...). Their
        // schema is a reference: with implementation = ProblemDocument.class, Payara writes a bare {"type": "object"}
        // inside components.
        components = @Components(responses = {
                @APIResponse(name = ApiApplication.UNAUTHENTICATED, responseCode = "401",
                        description = "No token, or a token that is invalid, expired or revoked.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiApplication.PROBLEM_DOCUMENT))),
                @APIResponse(name = ApiApplication.NOT_ADMINISTRATOR, responseCode = "403",
                        description = "The caller is not an administrator.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiApplication.PROBLEM_DOCUMENT))),
                @APIResponse(name = ApiApplication.NO_SUCH_USER, responseCode = "404",
                        description = "There is no user with this id.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiApplication.PROBLEM_DOCUMENT))),
                @APIResponse(name = ApiApplication.TOO_LARGE, responseCode = "413",
                        description = "The body is larger than 64 KiB.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiApplication.PROBLEM_DOCUMENT))),
                @APIResponse(name = ApiApplication.THROTTLED, responseCode = "429",
                        description = "Too many failed attempts from this address, or for this account (failed logins, refreshes "
                                + "and password checks count together). Retry-After says when to try again.",
                        headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER,
                                format = "int64", minimum = "1", maximum = "9223372036854775807")),
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiApplication.PROBLEM_DOCUMENT))),
                @APIResponse(name = ApiApplication.UNAVAILABLE, responseCode = "503",
                        description = "PostgreSQL or Redis is unreachable; the request was refused.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiApplication.PROBLEM_DOCUMENT)))}))
@SecurityScheme(securitySchemeName = ApiApplication.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "The access_token of POST /v1/auth/login: an ES256 JWS with a kid, verifiable with "
                + "the keys of GET /v1/.well-known/jwks.json. Issued and verified following RFC8725 (JSON Web Token Best Current "
                + "Practices): one accepted algorithm (never none), a key chosen by kid among our own keys only (never from a "
                + "jku, x5u or jwk header), and issuer, audience and expiry checked.")
public class ApiApplication extends Application {

    /** The name the resources' security requirements refer to. */
    public static final String BEARER = "bearer";
    /** The problem document's schema, by its name in the components. */
    static final String PROBLEM_DOCUMENT = "ProblemDocument";
    /** The names of the shared answers, for {@code @APIResponse(ref = ...)}. */
    public static final String UNAUTHENTICATED = "Unauthenticated";
    public static final String NOT_ADMINISTRATOR = "NotAnAdministrator";
    public static final String NO_SUCH_USER = "NoSuchUser";
    public static final String TOO_LARGE = "TooLarge";
    public static final String THROTTLED = "Throttled";
    public static final String UNAVAILABLE = "Unavailable";

    @Override
    public Map<String, Object> getProperties() {
        // The WADL would be a second, partial description of the API: /openapi is the one.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
