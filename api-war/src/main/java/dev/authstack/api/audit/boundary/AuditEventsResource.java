package dev.authstack.api.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

import dev.authstack.api.ApiApplication;
import dev.authstack.api.audit.control.AuditEvents;
import dev.authstack.api.audit.entity.AuditEvent;
import dev.authstack.api.audit.entity.AuditEventType;
import dev.authstack.api.contract.AuditEventView;
import dev.authstack.api.contract.AuditEventsPage;
import dev.authstack.api.contract.CanonicalUsername;
import dev.authstack.api.contract.Username;
import dev.authstack.api.contract.ProblemDocument;
import dev.authstack.api.problems.boundary.Problem;
import dev.authstack.api.problems.entity.InvalidQueryException;
import dev.authstack.api.security.boundary.AdminOnly;

/**
 * The audit trail for administrators, newest first: {@code ?username=&type=&since=&limit=&cursor=}; pass
 * {@code next_cursor} back as {@code cursor} for the next page. Parameters are checked here, each refusal naming its
 * parameter, rather than left to JAX-RS, which answers a number it cannot parse with a 404.
 */
@Path("audit-events")
@AdminOnly
@Tag(name = "audit", description = "The audit trail (administrators only).")
@SecurityRequirement(name = ApiApplication.BEARER)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventsResource {

    @Inject
    AuditEvents events;

    @GET
    @Operation(operationId = "listAuditEvents", summary = "Logins, logouts and administrators' changes, newest first",
            description = "No event ever holds a password, hash or token, nor a username that matches no account.")
    @APIResponse(responseCode = "200", description = "A page of events.",
            content = @Content(schema = @Schema(implementation = AuditEventsPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter breaks its rule; the detail names it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = ApiApplication.NOT_ADMINISTRATOR)
    @APIResponse(responseCode = "503", ref = ApiApplication.UNAVAILABLE)
    public Response find(
            @Parameter(description = "Events this user did or underwent, regardless of case.", example = "alice",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^" + Username.PATTERN + "$", minLength = 3, maxLength = Username.MAX_LENGTH))
            @QueryParam("username") String username,
            @Parameter(description = "One type of event: a value of AuditEventView's type.", example = "login_failed",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z_]+$", maxLength = 32))
            @QueryParam("type") String type,
            @Parameter(description = "Events at or after this instant.", example = "2026-11-25T00:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 35))
            @QueryParam("since") String since,
            @Parameter(description = "How many events, at most.", example = "50", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") String limit,
            @Parameter(description = "The next_cursor of the previous page.", example = "41",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{1,18}$", maxLength = 18))
            @QueryParam("cursor") String cursor) {
        AuditEvents.Page page = events.find(
                username == null ? null : CanonicalUsername.of(username).orElseThrow(() -> new InvalidQueryException("username", "must be a username")),
                type == null ? null : AuditEventType.ofJsonName(type).orElseThrow(() -> new InvalidQueryException("type",
                        "must be one of " + Arrays.stream(AuditEventType.values()).map(AuditEventType::jsonName).toList())),
                instant(since),
                Optional.ofNullable(InvalidQueryException.requireMatch("cursor", cursor, "[0-9]{1,18}", "must be a next_cursor this API answered")).map(Long::valueOf).orElse(null),
                Integer.parseInt(InvalidQueryException.requireMatch("limit", limit, "[1-9][0-9]?|1[0-9][0-9]|200", "must be a number from 1 to 200")));
        return Response.ok(new AuditEventsPage(page.events().stream().map(AuditEventsResource::view).toList(),
                page.nextCursor() == null ? null : String.valueOf(page.nextCursor()))).build();
    }

    /** The entity as the API shows it: the one place it becomes the contract's record. */
    static AuditEventView view(AuditEvent event) {
        return new AuditEventView(event.getId(), event.getOccurredAt(), event.getType(), event.getActorId(),
                event.getActorUsername(), event.getSubjectId(), event.getSubjectUsername(), event.getClientAddress(),
                event.getUserAgent(), event.getDetails());
    }

    private static Instant instant(String since) {
        if (since == null) {
            return null;
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException("since", "must be an instant such as 2026-11-25T12:00:00Z");
        }
    }
}
