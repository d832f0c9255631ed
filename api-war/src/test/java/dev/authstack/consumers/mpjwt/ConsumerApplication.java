package dev.authstack.consumers.mpjwt;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.auth.LoginConfig;

/**
 * A service of someone else's that trusts our tokens the MicroProfile way: Payara's MP-JWT, configured only with our
 * JWK Set's URL and issuer (the test writes its microprofile-config.properties). Deployed by the test as its own WAR
 * on its own Payara Micro; never part of the API.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles("admin")
@ApplicationScoped
public class ConsumerApplication extends Application {
}
