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

import dev.authstack.api.auth.boundary.AdminOnly;
import dev.authstack.api.users.control.UserStore;
import dev.authstack.api.users.entity.NewUser;
import dev.authstack.api.users.entity.User;

/** Administrators register users; there is no self-service sign-up. */
@Path("register")
@AdminOnly
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
    public Response register(@Valid @NotNull NewUser request) {
        User user = store.create(request);
        URI location = uriInfo.getBaseUriBuilder().path(UsersResource.class).path(String.valueOf(user.id())).build();
        return Response.created(location).entity(UserView.of(user)).build();
    }
}
