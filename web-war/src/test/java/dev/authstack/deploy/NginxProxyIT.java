package dev.authstack.deploy;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.authstack.it.Api;
import dev.authstack.it.Eventually;
import dev.authstack.it.TestStack;
import dev.authstack.web.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's nginx runs containers/nginx/nginx.conf in front of the running stack. The file is used as it is, but for
 * two things a test cannot share with a container: upstreams.conf (where "api" and "web" are) is the test's own, and
 * the port, since the test cannot take port 80.
 */
@Tag("browser")
class NginxProxyIT {

    static ProjectNginx nginx;
    static URI proxied;

    @BeforeAll
    static void startNginx() throws Exception {
        int stack = TestStack.get().port();
        nginx = ProjectNginx.start(List.of(stack), List.of(stack));
        proxied = nginx.uri();
    }

    @AfterAll
    static void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.close();
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

    /**
     * A client on the loopback says it is 203.0.113.1, .2, .3... as an attacker rotating addresses would: nginx
     * replaces the header with the address it saw, so every attempt counts against that one address, and the audit
     * trail records it.
     */
    @Test
    void aClientsOwnXForwardedForChangesNeitherTheThrottlesBucketNorTheAuditsAddress() {
        Api direct = Api.ofTestStack();
        String admin = direct.loginAsAdmin();
        String username = direct.createUser(admin, "spoofing-password", false).getString("username");
        List<String> claimed = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            claimed.add("203.0.113." + ThreadLocalRandom.current().nextInt(1, 255));
            Api.Answer answer = api.send(api.request("auth/login", null).header("Content-Type", "application/json")
                    .header("X-Forwarded-For", claimed.get(n))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"wrong-password\"}")));
            assertEquals(401, answer.status(), answer::toString);
        }

        for (String address : claimed) {
            assertEquals("0", TestStack.get().redis().cli("EXISTS", "auth:throttle:address:" + address),
                    "no throttle bucket for " + address + ", an address the client chose");
        }
        assertEquals("1", TestStack.get().redis().cli("EXISTS", "auth:throttle:address:127.0.0.1"),
                "the attempts count against the address nginx saw");
        List<String> addresses = Eventually.until(Duration.ofSeconds(10),
                () -> direct.get("audit-events?type=login_failed&username=" + username, admin).json().getJsonArray("events")
                        .getValuesAs(JsonObject.class).stream().map(event -> event.getString("client_address", "")).toList(),
                found -> found.size() == 4);
        assertEquals(List.of("127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.1"), addresses, "the audit trail records the address nginx saw");
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
        // nginx writes the line after it has answered: read until it is there.
        String log = Eventually.until(Duration.ofSeconds(5), NginxProxyIT::log, written -> written.contains("GET /api/v1/status"));
        assertTrue(log.lines().anyMatch(line -> line.contains("GET /api/v1/status") && line.contains("rt=")), log);
    }

    private static HttpResponse<String> http(URI uri, String encoding) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(uri).header("Accept-Encoding", encoding).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String log() {
        return nginx.log();
    }
}
