package dev.authstack.api.problems.boundary;

import jakarta.json.Json;

import java.util.UUID;

import dev.authstack.api.problems.control.Causes;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.WARNING;

/**
 * Server-side failures are logged loudly with an id that the problem body carries too, so that an operator can find
 * the log entry a client reports. The body never carries the stack trace; the log does.
 */
final class Incidents {

    private static final System.Logger LOG = System.getLogger(Incidents.class.getName());

    private Incidents() {
    }

    static Problem record(Problem problem, Throwable cause) {
        String incident = UUID.randomUUID().toString();
        if (problem.status() == 503) {
            // An outage is expected to happen: one line each, without a stack trace flooding the log.
            LOG.log(WARNING, "incident {0}: {1} ({2})", incident, problem.detail(), rootCause(cause));
        } else {
            LOG.log(ERROR, "incident " + incident + ": " + problem.title(), cause);
        }
        return problem.with("incident", Json.createValue(incident));
    }

    private static String rootCause(Throwable failure) {
        Throwable root = Causes.root(failure);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
