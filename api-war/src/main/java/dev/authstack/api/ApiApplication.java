package dev.authstack.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/**
 * The JAX-RS application: with the WAR's context root {@code /api} every resource lives under {@code /api/v1}.
 * The version is in the path so that a v2 can be deployed beside v1 without breaking its clients.
 */
@ApplicationPath("v1")
public class ApiApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // The WADL would publish the API's shape to anonymous callers; the README documents it instead.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
