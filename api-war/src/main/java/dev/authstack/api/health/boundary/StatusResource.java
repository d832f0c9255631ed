package dev.authstack.api.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.authstack.api.contract.ApiStatus;
import dev.authstack.api.security.boundary.Anonymous;

@Path("status")
@Anonymous
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "status", description = "Whether the API runs; /health/ready says whether its backends answer.")
public class StatusResource {

    @Inject
    @ConfigProperty(name = "app.version")
    String version;

    @GET
    @Operation(operationId = "status", summary = "The API is up, and its version; touches no backend")
    @APIResponse(responseCode = "200", description = "Always UP while the API runs.",
            content = @Content(schema = @Schema(implementation = ApiStatus.class)))
    public Response status() {
        return Response.ok(new ApiStatus("UP", version)).build();
    }
}
