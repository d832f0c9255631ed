package dev.authstack.it;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Another API instance on the test stack's PostgreSQL and Redis, as behind a load balancer. {@link #shared()} is
 * started once per test JVM for the tests that need two instances as configured; {@link #start(Map)} starts one of a
 * test's own, with some settings changed, which that test stops.
 */
public final class SecondInstance implements AutoCloseable {

    private final Process server;
    private final int port;

    private SecondInstance(Process server, int port) {
        this.server = server;
        this.port = port;
    }

    private static SecondInstance shared;

    public static synchronized SecondInstance shared() {
        if (shared == null) {
            shared = start(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "second-instance-stop"));
        }
        return shared;
    }

    public static SecondInstance start() {
        return start(Map.of());
    }

    /** With some of the configuration changed, e.g. a throttling policy, or APPS=web. */
    public static SecondInstance start(Map<String, String> overrides) {
        int port = Processes.freePort();
        Map<String, String> environment = new HashMap<>(TestStack.get().environment());
        environment.putAll(Map.of("PORT", String.valueOf(port), "APPS", "api"));
        environment.putAll(overrides);
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
