package dev.authstack.api.metrics.boundary;

import org.junit.jupiter.api.Test;

import dev.authstack.api.auth.boundary.AuthResource;
import dev.authstack.api.contract.Credentials;
import dev.authstack.api.health.boundary.StatusResource;
import dev.authstack.api.users.boundary.UsersResource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EndpointsTest {

    @Test
    void namesAnEndpointByItsMethodAndPathTemplateNeverByThePathItself() throws Exception {
        assertEquals("POST /auth/login", Endpoints.nameOf(AuthResource.class, AuthResource.class.getMethod("login",
                Credentials.class)));
        assertEquals("GET /status", Endpoints.nameOf(StatusResource.class, StatusResource.class.getMethod("status")));
        assertEquals("GET /users/{id}", Endpoints.nameOf(UsersResource.class, UsersResource.class.getMethod("one", long.class)));
    }

    @Test
    void findsThePathOfAProxiedResource() throws Exception {
        class Proxy extends StatusResource {
        }
        assertEquals("GET /status", Endpoints.nameOf(Proxy.class, StatusResource.class.getMethod("status")));
    }
}
