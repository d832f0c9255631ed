package dev.authstack.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.authstack.it.Api;
import dev.authstack.it.Processes;
import dev.authstack.it.TestStack;
import dev.authstack.web.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's nginx runs containers/nginx/nginx.conf in front of the running stack. The file is used as it is, but for
 * two things a test cannot share with a container: upstreams.conf (where "api" and "web" are) is the test's own, and
 * the port, since the test cannot take port 80.
 */
class NginxProxyIT {

    static Path directory;
    static Process nginx;
    static URI proxied;

    @BeforeAll
    static void startNginx() throws Exception {
        TestStack stack = TestStack.get();
        int port = Processes.freePort();
        directory = Files.createTempDirectory("nginx-it");
        Path containers = Processes.projectRoot().resolve("containers").resolve("nginx");
        String conf = Files.readString(containers.resolve("nginx.conf"));
        assertEquals(1, conf.split("\\blisten 80;", -1).length - 1, "one plain listener to move");
        Files.writeString(directory.resolve("nginx.conf"), conf.replace("listen 80;", "listen 127.0.0.1:" + port + ";"));
        Files.copy(Path.of("/etc/nginx/mime.types"), directory.resolve("mime.types"));
        Files.writeString(directory.resolve("upstreams.conf"), Files.readString(containers.resolve("upstreams.conf"))
                .replace("server api:8080;", "server 127.0.0.1:" + stack.port() + ";")
                .replace("server web:8080;", "server 127.0.0.1:" + stack.port() + ";"));
        Files.createDirectories(directory.resolve("logs"));

        nginx = new ProcessBuilder("nginx", "-p", directory.toString(), "-c", directory.resolve("nginx.conf").toString(),
                "-g", "daemon off; pid " + directory.resolve("nginx.pid") + ";")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("nginx.log").toFile())
                .start();
        Instant deadline = Instant.now().plusSeconds(20);
        while (!Processes.answers(port)) {
            assertTrue(nginx.isAlive(), () -> "nginx exited: " + log());
            assertTrue(Instant.now().isBefore(deadline), "nginx did not start");
            Thread.sleep(50);
        }
        proxied = URI.create("http://127.0.0.1:" + port + "/");
    }

    @AfterAll
    static void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    final Api api = new Api(proxied.resolve("api/v1/"));

    @Test
    void theApiWorksThroughNginxAndSeesTheForwardedHost() {
        String admin = api.loginAsAdmin();
        assertEquals("admin", api.get("hello", admin).json().getString("user"));

        Api.Answer created = api.post("register", "{\"username\":\"proxied" + System.nanoTime() % 100000
                + "\",\"email\":\"proxied" + System.nanoTime() + "@example.com\",\"password\":\"password-1\"}", admin);

        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("Location").startsWith(proxied + "api/v1/users/"),
                "the API built its Location from the forwarded Host: " + created.header("Location"));
        assertEquals(200, api.post("auth/logout", null, admin).status());
        assertEquals(401, api.get("hello", admin).status());
    }

    @Test
    void theAppHonoursXForwardedProtoFromTheProxy() {
        Api direct = Api.ofTestStack();
        String admin = direct.loginAsAdmin();
        Api.Answer created = direct.send(direct.request("register", admin)
                .header("Content-Type", "application/json").header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"tls" + System.nanoTime() % 100000
                        + "\",\"email\":\"tls" + System.nanoTime() + "@example.com\",\"password\":\"password-1\"}")));
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("Location").startsWith("https://"), created.header("Location"));
    }

    @Test
    void errorsAndHealthPassThroughAsProblems() {
        Api.Answer unknown = api.get("no-such-thing", null);
        assertEquals(404, unknown.status());
        assertEquals(Api.PROBLEM_JSON, unknown.mediaType());
        assertEquals(200, new Api(proxied).get("health/ready", null).status());
        Api.Answer document = new Api(proxied).get("openapi", null);
        assertEquals(200, document.status());
        assertTrue(document.body().contains("/v1/users/{id}"), "the API's own document, not the web app's empty one");

        Api.Answer tooLarge = api.post("auth/login", "{\"username\":\"" + "a".repeat(70_000) + "\"}", null);
        assertEquals(413, tooLarge.status());
        assertEquals(Api.PROBLEM_JSON, tooLarge.mediaType());
        assertEquals(413, tooLarge.json().getInt("status"));
    }

    @Test
    void securityHeadersAppearOnceAndStaticFilesAreCompressed() throws Exception {
        HttpResponse<String> page = http(proxied.resolve("login.xhtml"), "identity");
        assertEquals(200, page.statusCode());
        assertEquals(1, page.headers().allValues("X-Frame-Options").size(), page.headers()::toString);
        assertEquals(1, page.headers().allValues("X-Content-Type-Options").size());
        assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent(), "the app's own header passes");
        assertEquals("nginx", page.headers().firstValue("Server").orElse("nginx"), "no application server or version banner");

        HttpResponse<String> css = http(proxied.resolve("webjars/bootstrap/5.3.8/css/bootstrap.min.css"), "gzip");
        assertEquals("gzip", css.headers().firstValue("Content-Encoding").orElse(""));
    }

    @Test
    void aPersonLogsInThroughNginx() {
        try (Browser browser = new Browser(proxied)) {
            browser.login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
            assertEquals("/dashboard.xhtml", browser.path());
            assertEquals("admin", browser.text("#account-username"));
        }
    }

    @Test
    void theAccessLogRecordsRequestTimes() throws Exception {
        api.get("status", null);
        assertTrue(log().contains("rt="), log());
    }

    private static HttpResponse<String> http(URI uri, String encoding) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(uri).header("Accept-Encoding", encoding).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String log() {
        try {
            return Files.readString(directory.resolve("nginx.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
