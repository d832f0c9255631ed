package dev.authstack.it;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Another API instance on the test stack's PostgreSQL and Redis, as behind a load balancer. Started by the tests that
 * need two instances, stopped by them.
 */
public final class SecondInstance implements AutoCloseable {

    private final Process server;
    private final int port;

    private SecondInstance(Process server, int port) {
        this.server = server;
        this.port = port;
    }

    public static SecondInstance start() {
        int port = Processes.freePort();
        Map<String, String> environment = new HashMap<>(TestStack.get().environment());
        environment.putAll(Map.of("PORT", String.valueOf(port), "APPS", "api"));
        return new SecondInstance(TestStack.startServer(environment), port);
    }

    public Api api() {
        return new Api(URI.create("http://localhost:" + port + "/api/v1/"));
    }

    /** The server's root, where /health lives. */
    public Api server() {
        return new Api(URI.create("http://localhost:" + port + "/"));
    }

    @Override
    public void close() {
        TestStack.stopServer(server);
    }
}
