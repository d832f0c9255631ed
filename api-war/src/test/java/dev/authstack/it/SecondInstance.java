package dev.authstack.it;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Another API instance on the test stack's PostgreSQL and Redis, as behind a load balancer, or another server with
 * other settings. Started by the tests that need one, stopped by them.
 */
public final class SecondInstance implements AutoCloseable {

    private final Process server;
    private final int port;

    private SecondInstance(Process server, int port) {
        this.server = server;
        this.port = port;
    }

    public static SecondInstance start() {
        return start(Map.of("APPS", "api"));
    }

    /** A server with the test stack's environment but for {@code overrides} (APPS, API_BASE_URL...). */
    public static SecondInstance start(Map<String, String> overrides) {
        int port = Processes.freePort();
        Map<String, String> environment = new HashMap<>(TestStack.get().environment());
        environment.putAll(overrides);
        environment.put("PORT", String.valueOf(port));
        return new SecondInstance(TestStack.startServer(environment), port);
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port + "/");
    }

    public Api api() {
        return new Api(URI.create("http://localhost:" + port + "/api/v1/"));
    }

    /** The server's root, where /health lives. */
    public Api server() {
        return new Api(baseUri());
    }

    @Override
    public void close() {
        TestStack.stopServer(server);
    }
}
