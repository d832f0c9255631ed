package dev.authstack.web.admin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;

import dev.authstack.it.Api;
import dev.authstack.it.Eventually;
import dev.authstack.it.TestStack;
import dev.authstack.web.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Administrators read the audit trail on the Activity page and see each user's last login in the users table. */
@Tag("browser")
class ActivityPageIT {

    final Browser browser = new Browser();
    final Api api = new Api(TestStack.get().apiUri());

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void showsWhatHappenedFilteredByUserAndTypeWithTheBrowsersAddress() {
        String admin = api.loginAsAdmin();
        String username = api.createUser(admin, "activity-password", false).getString("username");
        Browser someone = new Browser();
        try {
            someone.login(username, "not-the-password");
            someone.login(username, "activity-password");
            assertEquals("/dashboard.xhtml", someone.path());
        } finally {
            someone.close();
        }

        browser.login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        browser.find("#nav-activity").click();
        browser.type("#filter\\:username", username).submit("#filter\\:submit");
        List<String> types = browser.driver().findElements(By.cssSelector("#events td.type")).stream().map(cell -> cell.getText()).toList();
        assertTrue(types.containsAll(List.of("login succeeded", "login failed", "user created")), types.toString());
        assertTrue(browser.text("#events").contains("127.0.0.1"), "the browser's address, forwarded by the web app");
        browser.screenshots("activity");

        new Select(browser.find("#filter\\:type")).selectByValue("login_failed");
        browser.submit("#filter\\:submit");
        List<String> failed = browser.driver().findElements(By.cssSelector("#events td.type")).stream().map(cell -> cell.getText()).toList();
        assertEquals(List.of("login failed"), failed);

        browser.open("admin/users.xhtml?q=" + username);
        String lastLogin = browser.driver().findElements(By.cssSelector("#users tr")).stream()
                .filter(row -> row.getText().contains(username)).findFirst().orElseThrow()
                .findElement(By.cssSelector("td.last-login")).getText();
        assertTrue(lastLogin.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC"), lastLogin);
    }

    @Test
    void pagesThroughTheTrail() {
        String admin = api.loginAsAdmin();
        String username = api.createUser(admin, "activity-password", false).getString("username");
        // 30 logins, four wrong then one right, so that none is throttled (throttled ones are counted, not listed one
        // by one): each is an event of this user (plus its creation).
        for (int i = 0; i < 30; i++) {
            String password = i % 5 == 4 ? "activity-password" : "wrong-" + i;
            api.post("auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null);
        }
        // Login events are written just after their answers.
        Eventually.until(Duration.ofSeconds(10),
                () -> api.get("audit-events?limit=200&username=" + username, admin).json().getJsonArray("events").size(), count -> count >= 31);

        browser.login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        browser.open("admin/activity.xhtml");
        browser.type("#filter\\:username", username).submit("#filter\\:submit");
        assertEquals(25, browser.driver().findElements(By.cssSelector("#events tbody tr")).size(), "a page of 25");
        assertFalse(browser.find("#pages\\:previous").isEnabled());
        String firstPage = browser.text("#events");

        browser.submit("#pages\\:next");
        assertTrue(browser.text("#pages").contains("page 2"));
        assertEquals(6, browser.driver().findElements(By.cssSelector("#events tbody tr")).size(), "the rest");
        assertTrue(browser.text("#events").contains("user created"), "the oldest last");
        assertFalse(browser.find("#pages\\:next").isEnabled());

        browser.submit("#pages\\:previous");
        assertEquals(firstPage, browser.text("#events"));
    }
}
