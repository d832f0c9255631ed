package dev.authstack.api.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live means the JVM serves requests; a backend outage is not a reason to restart this process. */
@Liveness
@ApplicationScoped
public class JvmLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("jvm");
    }
}
