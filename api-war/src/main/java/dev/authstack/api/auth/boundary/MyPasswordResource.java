package dev.authstack.api.auth.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.authstack.api.ApiApplication;
import dev.authstack.api.auth.control.Logins;
import dev.authstack.api.contract.LoginResponse;
import dev.authstack.api.contract.PasswordChange;
import dev.authstack.api.contract.ProblemDocument;
import dev.authstack.api.http.control.ClientAddresses;
import dev.authstack.api.problems.boundary.Problem;
import dev.authstack.api.security.entity.Caller;

/** A user changes their own password. */
@Path("me/password")
@Tag(name = "sessions")
@SecurityRequirement(name = ApiApplication.BEARER)
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MyPasswordResource {

    @Inject
    Logins logins;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @PUT
    @Transactional
    @Operation(operationId = "changeMyPassword", summary = "Change the caller's own password; every session ends, and the answer starts a new one",
            description = "A wrong current password is 403 and counts as a failed login for the throttle.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PasswordChange.class),
            examples = @ExampleObject(name = "change", value = "{\"current_password\":\"admin123\",\"new_password\":\"a long passphrase of mine\"}")))
    @APIResponse(responseCode = "200", description = "The tokens of a new session for this client; every other token is refused.",
            headers = @Header(name = "Cache-Control", description = "no-store",
                    schema = @Schema(type = SchemaType.STRING, enumeration = "no-store")),
            content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or a new password that breaks the rules.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = "The current password is incorrect.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "429", ref = ApiApplication.THROTTLED)
    @APIResponse(responseCode = "503", description = "PostgreSQL or Redis is unreachable; nothing was changed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    public Response change(@Valid @NotNull PasswordChange change) {
        return AuthResource.tokens(logins.changePassword((Caller) security.getUserPrincipal(), change.currentPassword(),
                change.newPassword(), clientAddresses.of(request), request.getHeader("User-Agent")));
    }
}
