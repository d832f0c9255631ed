package dev.authstack.api.hello.boundary;

import jakarta.enterprise.context.ApplicationScoped;
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
import dev.authstack.api.contract.Greeting;
import dev.authstack.api.contract.ProblemDocument;
import dev.authstack.api.problems.boundary.Problem;

@Path("hello")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "hello", description = "The smallest protected resource.")
@SecurityRequirement(name = ApiApplication.BEARER)
public class HelloResource {

    /**
     * A proxy to the current request's, injected once: as a method parameter Jersey builds the injectee anew through
     * HK2 on every request, a cost measured in docs/performance.md ("What each tuning bought").
     */
    @Context
    SecurityContext security;

    @GET
    @Operation(operationId = "hello", summary = "Greet the caller")
    @APIResponse(responseCode = "200", description = "A greeting.", content = @Content(schema = @Schema(implementation = Greeting.class)))
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "503", description = "Redis is unreachable: the token cannot be checked, so it is refused.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    public Response hello() {
        return Response.ok(new Greeting("hello world", security.getUserPrincipal().getName())).build();
    }
}
