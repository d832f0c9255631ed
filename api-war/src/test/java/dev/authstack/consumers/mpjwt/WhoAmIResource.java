package dev.authstack.consumers.mpjwt;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** For anyone; says what MP-JWT read from the token, if one came: its name, groups and issuer. */
@Path("whoami")
@RequestScoped
@PermitAll
public class WhoAmIResource {

    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String whoAmI() {
        return token.getName() == null ? "anonymous" : token.getName() + " " + token.getGroups() + " " + token.getIssuer();
    }
}
