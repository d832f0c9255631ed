package dev.authstack.api.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

import dev.authstack.api.audit.control.AuditEvents;
import dev.authstack.api.audit.entity.AuditEventType;
import dev.authstack.api.auth.boundary.AdminOnly;
import dev.authstack.api.problems.entity.InvalidQueryException;

/**
 * The audit trail for administrators, newest first: {@code ?username=&type=&since=&limit=&cursor=}, answered as
 * {@code {"events":[...],"next_cursor":...}}; pass {@code next_cursor} back as {@code cursor} for the next page.
 */
@Path("audit-events")
@AdminOnly
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventsResource {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    AuditEvents events;

    @GET
    public Response find(@QueryParam("username") String username, @QueryParam("type") String type,
                         @QueryParam("since") String since, @QueryParam("limit") @DefaultValue("50") String limit,
                         @QueryParam("cursor") String cursor) {
        AuditEvents.Page page = events.find(
                checked("username", username, "[A-Za-z0-9_.-]{1,50}", "must be a username"),
                type == null ? null : AuditEventType.ofJsonName(type).orElseThrow(() -> new InvalidQueryException("type",
                        "must be one of " + Arrays.stream(AuditEventType.values()).map(AuditEventType::jsonName).toList())),
                instant(since),
                Optional.ofNullable(checked("cursor", cursor, "[0-9]{1,18}", "must be a next_cursor this API answered")).map(Long::valueOf).orElse(null),
                Integer.parseInt(checked("limit", limit, "[1-9][0-9]?|1[0-9][0-9]|200", "must be a number from 1 to 200")));
        JsonObjectBuilder answer = Json.createObjectBuilder()
                .add("events", Json.createReader(new StringReader(JSONB.toJson(page.events()))).readArray());
        if (page.nextCursor() == null) {
            answer.addNull("next_cursor");
        } else {
            answer.add("next_cursor", String.valueOf(page.nextCursor()));
        }
        return Response.ok(answer.build()).build();
    }

    private static String checked(String parameter, String value, String pattern, String rule) {
        if (value != null && !value.matches(pattern)) {
            throw new InvalidQueryException(parameter, rule);
        }
        return value;
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
