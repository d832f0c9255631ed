package dev.authstack.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

import dev.authstack.api.contract.AuditEventsPage;
import dev.authstack.api.contract.Credentials;
import dev.authstack.api.contract.Greeting;
import dev.authstack.api.contract.LoginResponse;
import dev.authstack.api.contract.Message;
import dev.authstack.api.contract.NewUser;
import dev.authstack.api.contract.PasswordChange;
import dev.authstack.api.contract.RefreshRequest;
import dev.authstack.api.contract.SessionView;
import dev.authstack.api.contract.UserChanges;
import dev.authstack.api.contract.UserView;

/**
 * The API as the web app calls it, typed by the contract: MicroProfile Rest Client implements this interface (inject
 * it with {@code @RestClient}; one thread-safe client for the application) at {@code API_BASE_URL}
 * (microprofile-config.properties). Every protected call takes the session's {@code Authorization} value,
 * {@link dev.authstack.web.session.ActiveUser#bearer()}.
 * Failures arrive as this package's exceptions: {@link ProblemAnswers} turns the API's problem documents into them and
 * {@link FailsAsUnavailable} an API that does not answer at all.
 */
@ApplicationScoped
@RegisterRestClient(configKey = "api")
@RegisterProvider(ProblemAnswers.class)
@RegisterClientHeaders(ForwardedFor.class)
@FailsAsUnavailable
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ApiClient {

    @POST
    @Path("auth/login")
    LoginResponse login(Credentials credentials);

    @POST
    @Path("auth/refresh")
    LoginResponse refresh(RefreshRequest refresh);

    @POST
    @Path("auth/logout")
    Message logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @GET
    @Path("me")
    UserView me(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @PUT
    @Path("me/password")
    LoginResponse changePassword(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, PasswordChange change);

    @GET
    @Path("me/sessions")
    List<SessionView> mySessions(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @DELETE
    @Path("me/sessions/{id}")
    void endMySession(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") String id);

    @DELETE
    @Path("me/sessions")
    void endAllMySessions(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @GET
    @Path("users/{id}/sessions")
    List<SessionView> userSessions(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") long id);

    @DELETE
    @Path("users/{id}/sessions")
    void endUserSessions(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") long id);

    @GET
    @Path("hello")
    Greeting hello(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    /** A page of users; read it with {@link UsersPage#of}, which takes the next page's cursor from the Link header. */
    @GET
    @Path("users")
    Response users(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("limit") Integer limit,
                   @QueryParam("cursor") String cursor, @QueryParam("q") String q);

    @GET
    @Path("users/{id}")
    UserView user(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") long id);

    @POST
    @Path("register")
    UserView register(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, NewUser user);

    @PUT
    @Path("users/{id}")
    UserView update(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") long id, UserChanges changes);

    @DELETE
    @Path("users/{id}")
    void delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") long id);

    @GET
    @Path("audit-events")
    AuditEventsPage auditEvents(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("username") String username,
                                @QueryParam("type") String type, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    /** The events of one type since an instant (ISO-8601), newest first. */
    @GET
    @Path("audit-events")
    AuditEventsPage auditEventsSince(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("type") String type,
                                     @QueryParam("since") String since, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);
}
