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

import dev.authstack.api.auth.boundary.AdminOnly;
import dev.authstack.api.users.control.UserStore;
import dev.authstack.api.users.entity.UserChanges;

@Path("users")
@AdminOnly
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    UserStore store;

    @GET
    public Response all() {
        return Response.ok(store.all().stream().map(UserView::of).toList()).build();
    }

    @GET
    @Path("{id}")
    public Response one(@PathParam("id") long id) {
        return Response.ok(UserView.of(store.find(id))).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    public Response update(@PathParam("id") long id, @Valid @NotNull UserChanges changes) {
        return Response.ok(UserView.of(store.update(id, changes))).build();
    }

    @DELETE
    @Path("{id}")
    @Transactional
    public Response delete(@PathParam("id") long id) {
        store.delete(id);
        return Response.noContent().build();
    }
}
