package dev.authstack.api.users.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.authstack.api.ApiApplication;
import dev.authstack.api.contract.PlainText;
import dev.authstack.api.contract.ProblemDocument;
import dev.authstack.api.contract.UserChanges;
import dev.authstack.api.contract.UserView;
import dev.authstack.api.problems.boundary.Problem;
import dev.authstack.api.problems.entity.InvalidQueryException;
import dev.authstack.api.security.boundary.AdminOnly;
import dev.authstack.api.users.control.UserStore;

/**
 * Administrators list, read, change and delete users. The list is paged ({@code ?limit=&cursor=&q=}) and stays a JSON
 * array, so that clients that read the array keep working where all users fit one page; the next page is announced
 * in a Link header. Query parameters are checked here, each refusal naming its parameter, as the audit trail's are.
 */
@Path("users")
@AdminOnly
@Tag(name = "users", description = "User administration (administrators only).")
@SecurityRequirement(name = ApiApplication.BEARER)
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    static final int MAX_LIMIT = 500;
    /** The longest e-mail address there can be: a longer prefix matches nothing. */
    static final int MAX_QUERY_LENGTH = 254;

    @Inject
    UserStore store;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listUsers", summary = "The users, by id, one page at a time",
            description = "At most limit users (50 unless asked); a Link header with rel=\"next\" announces the next page "
                    + "and is absent on the last. Follow it as it is: the cursor it carries is opaque. With q, only the users "
                    + "whose username or e-mail address starts with q, regardless of case; % and _ are matched literally.")
    @APIResponse(responseCode = "200", description = "One page of users, in id order.",
            headers = @Header(name = "Link", description = "<the next page's absolute URL>; rel=\"next\" (RFC 8288); absent on the last page.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 8192)),
            content = @Content(schema = @Schema(implementation = UserView[].class, maxItems = MAX_LIMIT)))
    @APIResponse(responseCode = "400", description = "A parameter breaks its rule; the detail names it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = ApiApplication.NOT_ADMINISTRATOR)
    @APIResponse(responseCode = "503", ref = ApiApplication.UNAVAILABLE)
    public Response all(
            @Parameter(description = "How many users, at most.", example = "50", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "500", defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") String limit,
            @Parameter(description = "Where the page starts: taken from the previous page's Link header, never made up.",
                    example = "dXNlcnM6NTA", schema = @Schema(type = SchemaType.STRING, pattern = "^" + UsersCursor.PATTERN + "$",
                    maxLength = UsersCursor.MAX_LENGTH))
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Only users whose username or e-mail address starts with this, regardless of case; empty for all.",
                    example = "ali", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_QUERY_LENGTH))
            @QueryParam("q") String q) {
        int size = Integer.parseInt(InvalidQueryException.requireMatch("limit", limit, "[1-9][0-9]?|[1-4][0-9][0-9]|500", "must be a number from 1 to 500"));
        Long after = UsersCursor.lastId(cursor);
        String prefix = prefix(q);
        UserStore.Page page = store.page(prefix, after, size);
        Response.ResponseBuilder answer = Response.ok(page.users().stream().map(UserViews::of).toList());
        if (page.lastId() != null) {
            answer.link(next(size, prefix, UsersCursor.of(page.lastId())), "next");
        }
        return answer.build();
    }

    /** An empty q, as a search box sends it, is no filter. */
    private static String prefix(String q) {
        if (q == null || q.isEmpty()) {
            return null;
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new InvalidQueryException("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        if (!PlainText.Validator.isPlain(q)) {
            throw new InvalidQueryException("q", "must not contain control characters or unpaired surrogates");
        }
        return q;
    }

    /**
     * The next page's URL, written from the checked values rather than by editing the request's: a query string that
     * JAX-RS would read as a URI template ({@code {x}}) must not fail here.
     */
    private URI next(int limit, String prefix, String cursor) {
        StringBuilder query = new StringBuilder("limit=").append(limit);
        if (prefix != null) {
            query.append("&q=").append(encoded(prefix));
        }
        query.append("&cursor=").append(cursor);
        return URI.create(uriInfo.getAbsolutePath().toString() + "?" + query);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getUser", summary = "One user")
    @APIResponse(responseCode = "200", description = "The user.", content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = ApiApplication.NOT_ADMINISTRATOR)
    @APIResponse(responseCode = "404", ref = ApiApplication.NO_SUCH_USER)
    @APIResponse(responseCode = "503", ref = ApiApplication.UNAVAILABLE)
    public Response one(@Parameter(description = "The user's id.", required = true, example = "2",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", maximum = "9223372036854775807"))
            @PathParam("id") long id) {
        return Response.ok(UserViews.of(store.find(id))).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(operationId = "updateUser", summary = "Change a user's e-mail, password, role or active flag",
            description = "An absent field stays as it is. A new password, role or active flag revokes the user's tokens.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UserChanges.class),
            examples = @ExampleObject(name = "deactivate", value = "{\"email\":\"alice@example.org\",\"is_active\":false}")))
    @APIResponse(responseCode = "200", description = "The changed user.", content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a value of the wrong type, or a broken rule (each field in errors).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = ApiApplication.NOT_ADMINISTRATOR)
    @APIResponse(responseCode = "404", ref = ApiApplication.NO_SUCH_USER)
    @APIResponse(responseCode = "409", description = "The e-mail address is taken, or the change would leave no active administrator.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "413", ref = ApiApplication.TOO_LARGE)
    @APIResponse(responseCode = "503", ref = ApiApplication.UNAVAILABLE)
    public Response update(@Parameter(description = "The user's id.", required = true, example = "2",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", maximum = "9223372036854775807"))
            @PathParam("id") long id,
            @Valid @NotNull UserChanges changes) {
        return Response.ok(UserViews.of(store.update(id, changes))).build();
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(operationId = "deleteUser", summary = "Delete a user; every token it holds is refused from then on")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = ApiApplication.NOT_ADMINISTRATOR)
    @APIResponse(responseCode = "404", ref = ApiApplication.NO_SUCH_USER)
    @APIResponse(responseCode = "409", description = "The last active administrator cannot be demoted, deactivated or deleted.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "503", ref = ApiApplication.UNAVAILABLE)
    public Response delete(@Parameter(description = "The user's id.", required = true, example = "2",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", maximum = "9223372036854775807"))
            @PathParam("id") long id) {
        store.delete(id);
        return Response.noContent().build();
    }
}
