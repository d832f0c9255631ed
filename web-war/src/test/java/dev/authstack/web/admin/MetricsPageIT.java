package dev.authstack.web.admin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;

import dev.authstack.it.Api;
import dev.authstack.it.Eventually;
import dev.authstack.it.TestStack;
import dev.authstack.web.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Administrators see the last hour's logins on the Metrics page, counted from the audit trail; nobody else does. */
@Tag("browser")
class MetricsPageIT {

    final Browser browser = new Browser();
    final Api api = new Api(TestStack.get().apiUri());

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void countsTheLastHoursLoginsAndFailuresAndShowsThemPerMinute() {
        String admin = api.loginAsAdmin();
        String username = api.createUser(admin, "metrics-password", false).getString("username");
        browser.login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        browser.find("#nav-metrics").click();
        assertEquals("/admin/metrics.xhtml", browser.path());
        int succeeded = number("#succeeded");
        int failed = number("#failed");

        for (String password : new String[] {"wrong-1", "wrong-2", "metrics-password"}) {
            api.post("auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null);
        }
        // Login events are written just after their answers.
        Eventually.until(Duration.ofSeconds(10), () -> api.get("audit-events?limit=200&username=" + username, admin).json()
                .getJsonArray("events").size(), count -> count >= 4);

        browser.open("admin/metrics.xhtml");
        assertEquals(1, number("#succeeded") - succeeded, browser.text("main"));
        assertEquals(2, number("#failed") - failed);
        assertEquals(16, browser.driver().findElements(By.cssSelector("#minutes meter.failed")).size(),
                "a bar per minute for the last quarter of an hour and the current one");
        assertFalse(browser.text("#minutes").isBlank());
        browser.screenshots("metrics");

        Browser other = new Browser();
        try {
            other.login(username, "metrics-password");
            assertFalse(other.has("#nav-metrics"));
            other.open("admin/metrics.xhtml");
            assertEquals("403 · Forbidden", other.text("#forbidden h1"));
        } finally {
            other.close();
        }
    }

    private int number(String css) {
        return Integer.parseInt(browser.text(css).strip());
    }
}
