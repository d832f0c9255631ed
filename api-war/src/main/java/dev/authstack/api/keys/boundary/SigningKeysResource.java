package dev.authstack.api.keys.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;

import dev.authstack.api.ApiApplication;
import dev.authstack.api.security.boundary.AdminOnly;
import dev.authstack.api.contract.SigningKeyView;
import dev.authstack.api.keys.control.KeyRing;

/** Administrators see the signing keys and rotate them. */
@Path("signing-keys")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "keys", description = "The keys that verify access tokens, for services that check our tokens themselves.")
@SecurityRequirement(name = ApiApplication.BEARER)
public class SigningKeysResource {

    @Inject
    KeyRing keys;

    Clock clock = Clock.systemUTC();

    @GET
    @Operation(operationId = "listSigningKeys", summary = "The signing keys and their state")
    @APIResponse(responseCode = "200", description = "Every published key, oldest first.",
            content = @Content(schema = @Schema(implementation = SigningKeyView[].class)))
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = ApiApplication.NOT_ADMINISTRATOR)
    @APIResponse(responseCode = "503", ref = ApiApplication.UNAVAILABLE)
    public Response all() {
        Instant now = clock.instant();
        return Response.ok(keys.published().stream().map(key -> view(key, now)).toList()).build();
    }

    @POST
    @Operation(operationId = "rotateSigningKey", summary = "Rotate the signing key without logging anybody out",
            description = "The new key is published at once and signs after the publish-ahead time; the current key "
                    + "keeps verifying until the last token it signed has expired. A rotation while one is waiting "
                    + "answers the waiting key.")
    @APIResponse(responseCode = "202", description = "The key that takes over, in state next.",
            content = @Content(schema = @Schema(implementation = SigningKeyView.class)))
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = ApiApplication.NOT_ADMINISTRATOR)
    @APIResponse(responseCode = "503", ref = ApiApplication.UNAVAILABLE)
    public Response rotate() {
        return Response.accepted(view(keys.rotate(), clock.instant())).build();
    }

    private static SigningKeyView view(KeyRing.Entry key, Instant now) {
        String state = key.signsFrom().isAfter(now) ? "next" : key.verifiesUntil() == null ? "active" : "retiring";
        return new SigningKeyView(key.kid(), state, key.createdAt(), key.signsFrom(), key.verifiesUntil());
    }
}
