package dev.authstack.bench.bare;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * make bench's baseline: the least a JAX-RS application on the same Payara Micro does to answer what the API's
 * GET /api/v1/status answers (the same JSON, through the same JSON-B). Every rate of the report is set against it.
 * Compiled and packaged by scripts/bench.sh; never deployed anywhere else.
 */
@ApplicationPath("api/v1")
public class BareApplication extends Application {

    public record Status(String status, String version) {
    }

    @Path("status")
    public static class StatusResource {

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Response status() {
            return Response.ok(new Status("UP", "1.0.0")).build();
        }
    }
}
