package dev.authstack.api.sessions.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.authstack.api.ApiApplication;
import dev.authstack.api.contract.ProblemDocument;
import dev.authstack.api.contract.SessionView;
import dev.authstack.api.problems.boundary.Problem;
import dev.authstack.api.security.entity.Caller;
import dev.authstack.api.sessions.control.Sessions;
import dev.authstack.api.users.control.UserStore;

/** The caller's own sessions: where they are logged in, ending one, logging out everywhere. */
@Path("me/sessions")
@Tag(name = "sessions", description = "Where a user is logged in, and ending it.")
@SecurityRequirement(name = ApiApplication.BEARER)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MySessionsResource {

    @Inject
    Sessions sessions;

    @Inject
    UserStore users;

    @Context
    SecurityContext security;

    @GET
    @Operation(operationId = "mySessions", summary = "The caller's live sessions, newest first")
    @APIResponse(responseCode = "200", description = "Each live session; current marks the one of this request's token.",
            content = @Content(schema = @Schema(implementation = SessionView[].class)))
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "503", ref = ApiApplication.UNAVAILABLE)
    public Response all() {
        Caller caller = caller();
        return Response.ok(SessionViews.of(sessions.liveOf(caller.userId()), caller.sessionId())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "endMySession", summary = "End one of the caller's sessions, on every instance")
    @APIResponse(responseCode = "204", description = "The session, its refresh token and its access tokens are refused from now on.")
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "404", description = "The caller has no live session with this id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "503", description = "PostgreSQL or Redis is unreachable; nothing was ended.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    public Response end(@Parameter(description = "The session's id (the sid of its tokens).", required = true,
            example = "5b0f7a7e-3f63-4f0a-9c34-2b8c1b3f9d11", schema = @Schema(type = SchemaType.STRING, maxLength = 36))
            @PathParam("id") String id) {
        sessions.end(caller().userId(), id, "ended by its user");
        return Response.noContent().build();
    }

    @DELETE
    @Transactional
    @Operation(operationId = "endAllMySessions", summary = "Log out everywhere: end every session of the caller, this one too")
    @APIResponse(responseCode = "204", description = "Every token of the caller is refused from now on.")
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "503", description = "PostgreSQL or Redis is unreachable; nothing was ended.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    public Response endAll() {
        users.revokeTokens(caller().userId());
        return Response.noContent().build();
    }

    private Caller caller() {
        return (Caller) security.getUserPrincipal();
    }
}
