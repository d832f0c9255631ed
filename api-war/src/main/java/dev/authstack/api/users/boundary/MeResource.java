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

import dev.authstack.api.auth.entity.Caller;
import dev.authstack.api.users.control.UserStore;

/** The caller's own account, read fresh from the database rather than from the token's claims. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    UserStore store;

    @GET
    public Response me(@Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        return Response.ok(UserView.of(store.find(caller.userId()))).build();
    }
}
