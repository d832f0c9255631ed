package dev.authstack.consumers.mpjwt;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Only for the "admin" group of the token; answers the caller's name as MP-JWT read it ({@code upn}). */
@Path("admin")
@RequestScoped
@RolesAllowed("admin")
public class AdminResource {

    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String admin() {
        return "admin " + token.getName();
    }
}
