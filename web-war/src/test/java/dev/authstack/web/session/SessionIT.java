package dev.authstack.web.session;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.authstack.it.Api;
import dev.authstack.it.TestStack;
import dev.authstack.web.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a signed-in user sees, and how the session ends: logout, or the API revoking the token. */
@Tag("browser")
class SessionIT {

    final Api api = Api.ofTestStack();
    final Browser browser = new Browser();

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void theDashboardShowsWhoIsLoggedIn() {
        JsonObject user = api.createUser(api.loginAsAdmin(), "password-1", false);

        browser.login(user.getString("username"), "password-1");

        assertEquals("/dashboard.xhtml", browser.path());
        assertEquals(user.getString("username"), browser.text("#account-username"));
        assertEquals(user.getString("email"), browser.text("#account-email"));
        assertEquals("User", browser.text("#account-role"));
        assertTrue(browser.text("#account-created").startsWith(user.getString("created_at").substring(0, 10)));
        assertFalse(browser.has("#nav-admin"), "no Admin link for a user");
        browser.screenshots("dashboard");
    }

    @Test
    void theHelloPageShowsTheApisGreeting() {
        browser.login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        browser.find("#nav-hello").click();
        browser.waitFor().until(driver -> driver.getCurrentUrl().endsWith("/hello.xhtml"));

        String json = browser.text("#hello-json");
        assertTrue(json.contains("\"message\": \"hello world\"") && json.contains("\"user\": \"admin\""), json);
        browser.screenshots("hello");
    }

    @Test
    void logoutEndsTheSessionAndTheBackButtonShowsNothing() {
        browser.login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        browser.open("hello.xhtml").find("#hello-json");

        browser.submit("#logout\\:submit");

        assertEquals("/login.xhtml", browser.path());
        assertEquals("You have been logged out.", browser.text("#logged-out"));
        browser.driver().navigate().back();
        browser.find("#login");
        assertEquals("/login.xhtml", browser.path(), "the protected page is not shown from cache");
        assertFalse(browser.driver().getPageSource().contains("hello world"));
        browser.open("dashboard.xhtml");
        assertEquals("/login.xhtml", browser.path());
    }

    @Test
    void aRevokedTokenSendsTheUserBackToLoginWithAMessage() {
        String admin = api.loginAsAdmin();
        JsonObject user = api.createUser(admin, "password-1", false);
        browser.login(user.getString("username"), "password-1");
        assertEquals("/dashboard.xhtml", browser.path());

        assertEquals(200, api.put("users/" + user.getInt("id"), "{\"is_active\":false}", admin).status());
        browser.open("hello.xhtml");

        assertEquals("/login.xhtml", browser.path());
        assertEquals("Your session has ended. Please log in again.", browser.text("#expired"));
        browser.screenshots("session-ended");
    }
}
