package dev.authstack.api.users.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.authstack.api.ApiApplication;
import dev.authstack.api.contract.UserView;
import dev.authstack.api.security.entity.Caller;
import dev.authstack.api.users.control.UserStore;

/** The caller's own account, read fresh from the database rather than from the token's claims. */
@Path("me")
@Tag(name = "users")
@SecurityRequirement(name = ApiApplication.BEARER)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    UserStore store;

    /** Resolved per request by the container (see HelloResource). */
    @Context
    SecurityContext security;

    @GET
    @Operation(operationId = "me", summary = "The caller's own user")
    @APIResponse(responseCode = "200", description = "The caller.", content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "503", ref = ApiApplication.UNAVAILABLE)
    public Response me() {
        Caller caller = (Caller) security.getUserPrincipal();
        return Response.ok(UserViews.of(store.find(caller.userId()))).build();
    }
}
