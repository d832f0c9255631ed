package dev.authstack.api.users.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.authstack.api.ApiApplication;
import dev.authstack.api.contract.ProblemDocument;
import dev.authstack.api.contract.UserChanges;
import dev.authstack.api.contract.UserView;
import dev.authstack.api.problems.boundary.Problem;
import dev.authstack.api.security.boundary.AdminOnly;
import dev.authstack.api.users.control.UserStore;

/** Administrators list, read, change and delete users. */
@Path("users")
@AdminOnly
@Tag(name = "users", description = "User administration (administrators only).")
@SecurityRequirement(name = ApiApplication.BEARER)
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    UserStore store;

    @GET
    @Operation(operationId = "listUsers", summary = "Every user, by id")
    @APIResponse(responseCode = "200", description = "The users, in id order.",
            content = @Content(schema = @Schema(implementation = UserView[].class)))
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = ApiApplication.NOT_ADMINISTRATOR)
    @APIResponse(responseCode = "503", ref = ApiApplication.UNAVAILABLE)
    public Response all() {
        return Response.ok(store.all().stream().map(UserViews::of).toList()).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getUser", summary = "One user")
    @APIResponse(responseCode = "200", description = "The user.", content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = ApiApplication.NOT_ADMINISTRATOR)
    @APIResponse(responseCode = "404", description = "There is no user with this id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "503", ref = ApiApplication.UNAVAILABLE)
    public Response one(@Parameter(description = "The user's id.", required = true, example = "2",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", maximum = "9223372036854775807"))
            @PathParam("id") long id) {
        return Response.ok(UserViews.of(store.find(id))).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(operationId = "updateUser", summary = "Change a user's e-mail, password, role or active flag",
            description = "An absent field stays as it is. A new password, role or active flag revokes the user's tokens.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UserChanges.class),
            examples = @ExampleObject(name = "deactivate", value = "{\"email\":\"alice@example.org\",\"is_active\":false}")))
    @APIResponse(responseCode = "200", description = "The changed user.", content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a value of the wrong type, or a broken rule (each field in errors).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = ApiApplication.NOT_ADMINISTRATOR)
    @APIResponse(responseCode = "404", description = "There is no user with this id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "409", description = "The e-mail address is taken, or the change would leave no active administrator.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than 64 KiB.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "503", ref = ApiApplication.UNAVAILABLE)
    public Response update(@Parameter(description = "The user's id.", required = true, example = "2",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", maximum = "9223372036854775807"))
            @PathParam("id") long id,
            @Valid @NotNull UserChanges changes) {
        return Response.ok(UserViews.of(store.update(id, changes))).build();
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(operationId = "deleteUser", summary = "Delete a user; every token it holds is refused from then on")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = ApiApplication.NOT_ADMINISTRATOR)
    @APIResponse(responseCode = "404", description = "There is no user with this id.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "409", description = "The last active administrator cannot be demoted, deactivated or deleted.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "503", ref = ApiApplication.UNAVAILABLE)
    public Response delete(@Parameter(description = "The user's id.", required = true, example = "2",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", maximum = "9223372036854775807"))
            @PathParam("id") long id) {
        store.delete(id);
        return Response.noContent().build();
    }
}
