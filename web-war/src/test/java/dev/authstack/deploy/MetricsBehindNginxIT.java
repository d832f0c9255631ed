package dev.authstack.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.authstack.it.Api;
import dev.authstack.it.PrometheusText;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where both WARs share one Payara Micro, as under make run, the web app at / does not hide Payara's /metrics; and
 * containers/nginx/nginx.conf, run as it is, refuses /metrics from outside however the path is spelled, while the
 * health check and the API still pass.
 */
class MetricsBehindNginxIT {

    static ProjectNginx nginx;

    @BeforeAll
    static void startNginx() throws Exception {
        int stack = TestStack.get().port();
        nginx = ProjectNginx.start(List.of(stack), List.of(stack));
    }

    @AfterAll
    static void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void theServerItselfServesTheApisMetricsBesideTheWebApp() {
        Api server = new Api(TestStack.get().baseUri());
        Api.Answer metrics = server.get("metrics?scope=application", null);
        assertEquals(200, metrics.status(), metrics::toString);
        assertEquals("text/plain", metrics.mediaType());
        PrometheusText.parse(metrics.body())
                .value("auth_logins_total", Map.of("outcome", "succeeded", "mp_scope", "application"));
    }

    @Test
    void nginxRefusesMetricsFromOutsideHoweverThePathIsSpelled() throws IOException {
        for (String path : List.of("/metrics", "/metrics?scope=application", "/metrics/application", "/metrics/",
                "//metrics", "/%6detrics", "/%6Detrics?scope=base", "/./metrics", "/api/v1/../../metrics", "/health/../metrics")) {
            String answer = get(path);
            assertTrue(answer.startsWith("HTTP/1.1 404"), path + " answered " + answer.lines().findFirst().orElse(""));
            assertTrue(!answer.contains("auth_") && !answer.contains("mp_scope"), path + " let metrics out: " + answer);
        }
        assertTrue(get("/health/ready").startsWith("HTTP/1.1 200"), "the health check still passes");
        assertTrue(get("/api/v1/status").startsWith("HTTP/1.1 200"), "and the API");
    }

    /** A raw request, so that the path reaches nginx exactly as written (a URI class would normalise it first). */
    private static String get(String path) throws IOException {
        try (Socket socket = new Socket(nginx.uri().getHost(), nginx.uri().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
        }
    }
}
