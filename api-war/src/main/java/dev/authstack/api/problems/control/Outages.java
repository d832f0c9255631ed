package dev.authstack.api.problems.control;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import dev.authstack.api.problems.entity.BackendUnavailableException;

/**
 * Tells an unreachable database from a bug. The JDBC pool, EclipseLink and the transaction manager each wrap the
 * driver's exception their own way, so the cause chain is searched rather than one exception type caught.
 */
public final class Outages {

    private Outages() {
    }

    public static boolean isOutage(Throwable failure) {
        return Causes.of(failure).anyMatch(Outages::isUnreachable);
    }

    private static boolean isUnreachable(Throwable cause) {
        if (cause instanceof BackendUnavailableException
                || cause instanceof ConnectException
                || cause instanceof SocketTimeoutException
                || cause instanceof UnknownHostException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof jakarta.resource.ResourceException) {
            return true;
        }
        // SQL state class 08 is "connection exception" in every driver; 57P01..03 is PostgreSQL shutting down.
        if (cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
            return true;
        }
        return cause.getClass().getName().endsWith(".PoolingException");
    }
}
