package dev.authstack.api.sessions.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
import dev.authstack.api.security.boundary.AdminOnly;
import dev.authstack.api.sessions.control.Sessions;
import dev.authstack.api.users.control.UserStore;

/** Administrators see where a user is logged in, and end all of it. */
@Path("users/{id}/sessions")
@AdminOnly
@Tag(name = "sessions")
@SecurityRequirement(name = ApiApplication.BEARER)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserSessionsResource {

    @Inject
    Sessions sessions;

    @Inject
    UserStore users;

    @GET
    @Operation(operationId = "userSessions", summary = "A user's live sessions, newest first")
    @APIResponse(responseCode = "200", description = "Each live session of the user.",
            content = @Content(schema = @Schema(implementation = SessionView[].class)))
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = ApiApplication.NOT_ADMINISTRATOR)
    @APIResponse(responseCode = "404", ref = ApiApplication.NO_SUCH_USER)
    @APIResponse(responseCode = "503", ref = ApiApplication.UNAVAILABLE)
    public Response all(@Parameter(description = "The user's id.", required = true, example = "2",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", maximum = "9223372036854775807"))
            @PathParam("id") long id) {
        users.find(id);
        return Response.ok(SessionViews.of(sessions.liveOf(id), null)).build();
    }

    @DELETE
    @Transactional
    @Operation(operationId = "endUserSessions", summary = "End every session of a user, on every instance")
    @APIResponse(responseCode = "204", description = "Every token of the user is refused from now on.")
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = ApiApplication.NOT_ADMINISTRATOR)
    @APIResponse(responseCode = "404", ref = ApiApplication.NO_SUCH_USER)
    @APIResponse(responseCode = "503", description = "PostgreSQL or Redis is unreachable; nothing was ended.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    public Response endAll(@Parameter(description = "The user's id.", required = true, example = "2",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", maximum = "9223372036854775807"))
            @PathParam("id") long id) {
        users.revokeTokens(id);
        return Response.noContent().build();
    }
}
