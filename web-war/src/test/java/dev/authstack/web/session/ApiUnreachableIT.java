package dev.authstack.web.session;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import dev.authstack.it.Processes;
import dev.authstack.it.SecondInstance;
import dev.authstack.it.TestStack;
import dev.authstack.web.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A web app whose API does not answer at all (nothing listens at API_BASE_URL) says the service is down, as for a
 * 503: the Rest Client's connection failure becomes the page's "unavailable" message, never an error page.
 */
@Tag("browser")
class ApiUnreachableIT {

    @Test
    void aLoginWhileTheApiIsUnreachableSaysTheServiceIsDown() {
        String nowhere = "http://127.0.0.1:" + Processes.freePort() + "/api/v1";
        try (SecondInstance web = SecondInstance.start(Map.of("APPS", "web", "API_BASE_URL", nowhere));
             Browser browser = new Browser(web.baseUri())) {
            browser.login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
            assertEquals("/login.xhtml", browser.path());
            assertEquals("The service is temporarily unavailable. Please try again in a moment.", browser.text("#messages"));
        }
    }
}
