package dev.authstack.api.auth.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.authstack.api.ApiApplication;
import dev.authstack.api.auth.control.Logins;
import dev.authstack.api.auth.entity.DeviceToken;
import dev.authstack.api.contract.Credentials;
import dev.authstack.api.contract.LoginResponse;
import dev.authstack.api.contract.Message;
import dev.authstack.api.contract.RefreshRequest;
import dev.authstack.api.contract.ProblemDocument;
import dev.authstack.api.http.control.ClientAddresses;
import dev.authstack.api.problems.boundary.Problem;
import dev.authstack.api.security.boundary.Anonymous;
import dev.authstack.api.security.entity.Caller;
import dev.authstack.api.users.boundary.UserViews;

/** Login starts a session and hands out its tokens; refresh trades a refresh token for the next ones; logout ends it. */
@Path("auth")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "Log in for tokens, refresh them, log out to end the session.")
public class AuthResource {

    @Inject
    Logins logins;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    HttpServletRequest request;

    /** Resolved per request by the container (see HelloResource). */
    @Context
    SecurityContext security;

    @POST
    @Path("login")
    @Anonymous
    @Operation(operationId = "login", summary = "Trade a username and password for an access token and a refresh token",
            description = "A token sent along is ignored: a stale one must not keep anyone from logging in again. Every "
                    + "failure (unknown user, wrong password, deactivated account) is the same 401 after the same work. "
                    + "The answer carries a device_token: sent with the next login as this username, it makes that login "
                    + "count per device, so that failed logins elsewhere (an attacker keeping the account waiting) do not "
                    + "make it wait. After a few failures in a row with one device token, the device is no longer trusted for "
                    + "a while and its logins are throttled per account again.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Credentials.class),
            examples = @ExampleObject(name = "admin", value = "{\"username\":\"admin\",\"password\":\"admin123\"}")))
    @APIResponse(responseCode = "200", description = "The tokens of a new session and its user; never cached.",
            headers = @Header(name = "Cache-Control", description = "no-store",
                    schema = @Schema(type = SchemaType.STRING, enumeration = "no-store")),
            content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, a value of the wrong type or a broken rule.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "401", description = "The username or password is incorrect, or the account is deactivated.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class),
                    examples = @ExampleObject(name = "invalid-credentials", value = "{\"type\":\"urn:problem-type:auth-stack:invalid-credentials\","
                            + "\"title\":\"Invalid Credentials\",\"status\":401,\"detail\":\"The username or password is incorrect.\"}")))
    @APIResponse(responseCode = "413", ref = ApiApplication.TOO_LARGE)
    @APIResponse(responseCode = "429", description = "Too many failed logins for this account or from this address: the same "
            + "answer whether the password is right or the account exists. Retry-After says when to try again. Not "
            + "answered to a login with a live device token of the account, unless that device has used up its failures.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait.", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int64", minimum = "1", maximum = "9223372036854775807")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class),
                    examples = @ExampleObject(name = "login-throttled", value = "{\"type\":\"urn:problem-type:auth-stack:login-throttled\","
                            + "\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"Too many attempts; try again in 8 seconds.\"}")))
    @APIResponse(responseCode = "503", description = "Redis or PostgreSQL is unreachable: no token is issued that could not be revoked.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    public Response login(@Valid @NotNull Credentials credentials) {
        return tokens(logins.login(credentials.username(), credentials.password(), credentials.deviceToken(),
                clientAddresses.of(request), request.getHeader("User-Agent")));
    }

    @POST
    @Path("refresh")
    @Anonymous
    @Operation(operationId = "refresh", summary = "Trade a refresh token for a new access token and a new refresh token",
            description = "The refresh token is spent: presenting it again is reuse, which ends the whole session (every "
                    + "refresh token and access token it issued). Failures count against the client's address like failed logins.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RefreshRequest.class),
            examples = @ExampleObject(name = "refresh", value = "{\"refresh_token\":\"g6div-aq0oPU1TPsc0yBjXYLmwcNBD5npxWVC331ViBIOLMqzjyIdvgk7KkZ8caaq9Sucd4WLvk\"}")))
    @APIResponse(responseCode = "200", description = "The session's next tokens and its user; never cached.",
            headers = @Header(name = "Cache-Control", description = "no-store",
                    schema = @Schema(type = SchemaType.STRING, enumeration = "no-store")),
            content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or no refresh_token.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "401", description = "The refresh token is unknown, malformed, spent, expired, or of an ended session: "
            + "one answer for all.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "413", ref = ApiApplication.TOO_LARGE)
    @APIResponse(responseCode = "429", ref = ApiApplication.THROTTLED)
    @APIResponse(responseCode = "503", description = "Redis or PostgreSQL is unreachable: no token is issued that could not be revoked.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    public Response refresh(@Valid @NotNull RefreshRequest refresh) {
        return tokens(logins.refresh(refresh.refreshToken(), clientAddresses.of(request)));
    }

    /** A login's, a refresh's or a password change's answer. */
    static Response tokens(Logins.Login login) {
        DeviceToken device = login.device();
        LoginResponse answer = new LoginResponse(login.token().compact(), "Bearer", login.token().lifetimeSeconds(),
                login.session().refreshToken(), login.session().refreshExpiresIn(), UserViews.of(login.user()),
                device == null ? null : device.value(), device == null ? null : device.lifetimeSeconds());
        return Response.ok(answer)
                .cacheControl(noStore())
                .header("Pragma", "no-cache")
                .build();
    }

    @POST
    @Path("logout")
    @Operation(operationId = "logout", summary = "End the session of the token this request carries, on every instance",
            description = "Every access token and the refresh token of the session are refused from now on.")
    @SecurityRequirement(name = ApiApplication.BEARER)
    @APIResponse(responseCode = "200", description = "The session has ended.",
            content = @Content(schema = @Schema(implementation = Message.class)))
    @APIResponse(responseCode = "401", description = "No token, or a token that is invalid, expired or already revoked.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "503", description = "Redis is unreachable: revocations cannot be known or stored.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ProblemDocument.class)))
    public Response logout() {
        logins.logout((Caller) security.getUserPrincipal());
        return Response.ok(new Message("Logged out; the session has ended.")).build();
    }

    private static CacheControl noStore() {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        cacheControl.setNoTransform(false);
        return cacheControl;
    }
}
