package dev.authstack.api.users.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

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
import dev.authstack.api.contract.NewUser;
import dev.authstack.api.contract.ProblemDocument;
import dev.authstack.api.contract.UserView;
import dev.authstack.api.problems.boundary.Problem;
import dev.authstack.api.security.boundary.AdminOnly;
import dev.authstack.api.users.control.UserStore;
import dev.authstack.api.users.entity.User;

/** Administrators register users; there is no self-service sign-up. */
@Path("register")
@AdminOnly
@Tag(name = "users")
@SecurityRequirement(name = ApiApplication.BEARER)
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationsResource {

    @Inject
    UserStore store;

    @Context
    UriInfo uriInfo;

    @POST
    @Transactional
    @Operation(operationId = "registerUser", summary = "Register a user")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NewUser.class),
            examples = @ExampleObject(name = "alice", value = "{\"username\":\"alice\",\"email\":\"alice@example.com\","
                    + "\"password\":\"correct-horse\",\"is_admin\":false}")))
    @APIResponse(responseCode = "201", description = "The new user.",
            headers = @Header(name = "Location", description = "The user's URL, /api/v1/users/{id}.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 8192)),
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a value of the wrong type, or a broken rule (each field in errors).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = ApiApplication.NOT_ADMINISTRATOR)
    @APIResponse(responseCode = "409", description = "The username or e-mail address is taken (regardless of case).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "413", ref = ApiApplication.TOO_LARGE)
    @APIResponse(responseCode = "503", ref = ApiApplication.UNAVAILABLE)
    public Response register(@Valid @NotNull NewUser request) {
        User user = store.create(request);
        URI location = uriInfo.getBaseUriBuilder().path(UsersResource.class).path(String.valueOf(user.id())).build();
        return Response.created(location).entity(UserViews.of(user)).build();
    }
}
