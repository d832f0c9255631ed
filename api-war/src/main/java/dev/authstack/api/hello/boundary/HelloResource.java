package dev.authstack.api.hello.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

@Path("hello")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HelloResource {

    @GET
    public Response hello(@Context SecurityContext security) {
        return Response.ok(Json.createObjectBuilder()
                .add("message", "hello world")
                .add("user", security.getUserPrincipal().getName())
                .build()).build();
    }
}
