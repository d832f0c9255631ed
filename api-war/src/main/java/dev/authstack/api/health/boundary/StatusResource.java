package dev.authstack.api.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.authstack.api.auth.boundary.Anonymous;

@Path("status")
@Anonymous
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    @ConfigProperty(name = "app.version")
    String version;

    @GET
    public Response status() {
        return Response.ok(Json.createObjectBuilder().add("status", "UP").add("version", version).build()).build();
    }
}
