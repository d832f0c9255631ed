package dev.authstack.api.auth.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.json.Json;
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

import dev.authstack.api.auth.control.Logins;
import dev.authstack.api.auth.entity.Caller;
import dev.authstack.api.http.control.ClientAddresses;

/** Login hands out tokens; logout revokes the one it is called with. */
@Path("auth")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    @Inject
    Logins logins;

    @Inject
    ClientAddresses clientAddresses;

    @Context
    HttpServletRequest request;

    @POST
    @Path("login")
    @Anonymous
    public Response login(@Valid @NotNull Credentials credentials) {
        Logins.Login login = logins.login(credentials.username(), credentials.password(), clientAddresses.of(request));
        return Response.ok(LoginResponse.of(login.token(), login.user()))
                .cacheControl(noStore())
                .header("Pragma", "no-cache")
                .build();
    }

    @POST
    @Path("logout")
    public Response logout(@Context SecurityContext security) {
        logins.logout((Caller) security.getUserPrincipal());
        return Response.ok(Json.createObjectBuilder().add("message", "Logged out; the token is revoked.").build()).build();
    }

    private static CacheControl noStore() {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoStore(true);
        cacheControl.setNoTransform(false);
        return cacheControl;
    }
}
