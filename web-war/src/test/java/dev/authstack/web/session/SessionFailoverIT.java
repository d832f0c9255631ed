package dev.authstack.web.session;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.authstack.deploy.ProjectNginx;
import dev.authstack.it.Eventually;
import dev.authstack.it.Processes;
import dev.authstack.it.SecondInstance;
import dev.authstack.it.TestStack;
import dev.authstack.web.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two clustered web instances behind Debian's nginx, as the containers run them but without a container engine: a
 * logged-in browser's pages all come from one instance (nginx hashes on the session cookie), and the browser keeps its
 * session when that instance dies, because the session lives in Payara Micro's data grid (web.xml's
 * {@code <distributable/>}) and nginx sends the next page to the instance left.
 * nginx runs containers/nginx/nginx.conf as it is, with the two instances as its web upstream.
 */
@Tag("browser")
class SessionFailoverIT {

    /** A page's line in nginx's access log; ua= lists every instance tried, the one that answered last. */
    private static final Pattern UPSTREAM = Pattern.compile("\"GET /(?:dashboard|hello)\\.xhtml[^\"]*\" .* ua=.*:(\\d+)\\s*$");

    static SecondInstance first;
    static SecondInstance second;
    static ProjectNginx nginx;
    static URI proxied;

    @BeforeAll
    static void startTwoWebInstancesBehindNginx() throws Exception {
        int firstGrid = Processes.freePort();
        int secondGrid = Processes.freePort();
        String members = "127.0.0.1:" + firstGrid + ",127.0.0.1:" + secondGrid;
        String cluster = "web-failover-" + ProcessHandle.current().pid();
        // One after the other: two members joining the data grid at the same instant have failed Payara's start.
        first = SecondInstance.start(webInstance(cluster, members, firstGrid));
        second = SecondInstance.start(webInstance(cluster, members, secondGrid));
        for (SecondInstance instance : List.of(first, second)) {
            assertTrue(Eventually.until(Duration.ofSeconds(60), () -> serverLog(instance), log -> log.contains("DG Size: 2"))
                    .contains("DG Size: 2"),
                    "the two web instances formed one data grid");
        }

        nginx = ProjectNginx.start(List.of(TestStack.get().port()), List.of(port(first), port(second)));
        proxied = nginx.uri();
    }

    /** A web-only instance in the cluster, calling the test stack's API directly. */
    private static Map<String, String> webInstance(String cluster, String members, int gridPort) {
        return Map.of(
                "APPS", "web",
                "API_BASE_URL", "http://127.0.0.1:" + TestStack.get().port() + "/api/v1",
                // Both members on one host: --nohostaware, or Hazelcast keeps no backup of a session on the other.
                "CLUSTER_ARGS", "--clustername " + cluster + " --clustermode tcpip:" + members + " --startport " + gridPort
                        + " --interfaces 127.0.0.1 --nohostaware");
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        for (SecondInstance instance : new SecondInstance[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    void aLoggedInBrowserKeepsItsSessionWhenTheInstanceThatServedItsLastPageDies() {
        try (Browser browser = new Browser(proxied)) {
            browser.login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
            assertEquals("/dashboard.xhtml", browser.path());

            // nginx keeps a session on one instance (its refresh token is traded in one JVM): every page from there.
            Set<Integer> served = new HashSet<>();
            for (int page = 0; page < 10; page++) {
                browser.open(page % 2 == 0 ? "hello.xhtml" : "dashboard.xhtml");
                assertTrue(browser.has(page % 2 == 0 ? "#hello-json" : "#account-username"), browser.path());
                served.add(lastServedPage());
            }
            assertEquals(1, served.size(), "every page of the session from one instance: " + served);

            int victim = lastServedPage();
            kill(victim);

            for (int page = 0; page < 4; page++) {
                browser.open("dashboard.xhtml");
                assertEquals("/dashboard.xhtml", browser.path(), "still logged in after the instance died");
                assertEquals(TestStack.ADMIN, browser.text("#account-username"));
                assertTrue(lastServedPage() != victim, "nginx sent the page to the instance left");
            }
            // A POST too: the logout form's view state is part of the replicated session.
            browser.submit("#logout\\:submit");
            assertEquals("You have been logged out.", browser.text("#logged-out"));
        }
    }

    private static int port(SecondInstance instance) {
        return instance.baseUri().getPort();
    }

    private static String serverLog(SecondInstance instance) {
        try {
            return Files.readString(Processes.projectRoot().resolve("target").resolve("payara-" + port(instance)).resolve("server.log"));
        } catch (IOException e) {
            return "";
        }
    }

    /** The web instance (its port) that served the last dashboard or hello page, from nginx's access log. */
    private static int lastServedPage() {
        int port = -1;
        for (String line : nginx.log().split("\n")) {
            Matcher matcher = UPSTREAM.matcher(line);
            if (matcher.find()) {
                port = Integer.parseInt(matcher.group(1));
            }
        }
        assertTrue(port > 0, "nginx logged no page");
        return port;
    }

    /** Kills the instance's JVM outright, as a crash does: no shutdown, no session handed over. */
    private static void kill(int port) {
        ProcessHandle java = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine()
                        .filter(line -> line.contains("payara-micro.jar") && line.contains("--port " + port + " "))
                        .isPresent())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no Payara Micro on port " + port));
        java.destroyForcibly();
        try {
            java.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the instance on port " + port + " did not die", e);
        }
    }
}
