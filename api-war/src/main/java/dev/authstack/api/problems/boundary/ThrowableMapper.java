package dev.authstack.api.problems.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

import dev.authstack.api.metrics.control.Metrics;
import dev.authstack.api.problems.control.Causes;
import dev.authstack.api.problems.control.Outages;
import dev.authstack.api.problems.entity.BackendUnavailableException;
import dev.authstack.api.problems.entity.ProblemException;

/** The last line: whatever no other mapper claimed. An outage is a 503, anything else a 500 with an incident id. */
@Provider
public class ThrowableMapper implements ExceptionMapper<Throwable> {

    @Inject
    Metrics metrics;

    @Override
    public Response toResponse(Throwable failure) {
        // An unreachable database; Redis's failures and the named ones were counted where they were caught.
        if (Outages.isOutage(failure) && Causes.find(failure, BackendUnavailableException.class).isEmpty()) {
            metrics.backendUnavailable(Metrics.POSTGRESQL);
        }
        return problemFor(failure);
    }

    static Response problemFor(Throwable failure) {
        if (failure.getCause() != null) {
            var wrapped = Causes.find(failure.getCause(), ProblemException.class);
            if (wrapped.isPresent()) {
                return new ProblemExceptionMapper().toResponse(wrapped.get());
            }
        }
        if (MalformedBodies.isMalformedBody(failure)) {
            return MalformedBodies.problem().toResponse(Map.of());
        }
        if (Outages.isOutage(failure)) {
            return Incidents.record(new Problem(503, "service-unavailable", "Service Unavailable",
                    "PostgreSQL is unreachable; the request was refused. Try again shortly."), failure).toResponse(Map.of());
        }
        return Incidents.record(new Problem(500, "internal-error", "Internal Server Error",
                "The server failed unexpectedly; the incident id identifies it in the server's log."), failure).toResponse(Map.of());
    }
}
