package dev.authstack.web.login;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.authstack.it.TestStack;
import dev.authstack.web.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginPageIT {

    final Browser browser = new Browser();

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameGenericMessage() {
        browser.login("admin", "wrong-password");
        String wrongPassword = browser.text("#messages");
        assertEquals("/login.xhtml", browser.path());
        assertEquals("", browser.find("#login\\:password").getAttribute("value"), "the password is not sent back");
        assertEquals("admin", browser.find("#login\\:username").getAttribute("value"), "the username is kept");
        browser.screenshots("login-failed");

        browser.login("nobody-at-all", "wrong-password");
        assertEquals(wrongPassword, browser.text("#messages"));
        assertEquals("Invalid username or password.", wrongPassword);
    }

    @Test
    void anEmptyFormIsRefusedBeforeAnyRoundTrip() {
        browser.open("login.xhtml").submit("#login\\:submit");
        assertTrue(browser.text("#login").contains("Enter your username."));
    }

    @Test
    void aSuccessfulLoginLandsOnTheDashboardWithANewSessionId() {
        browser.open("login.xhtml");
        browser.screenshots("login");
        Cookie before = browser.driver().manage().getCookieNamed("JSESSIONID");

        browser.login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);

        assertEquals("/dashboard.xhtml", browser.path());
        Cookie after = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertTrue(after.isHttpOnly());
        assertEquals("Strict", after.getSameSite());
        assertNotEquals(before.getValue(), after.getValue(), "session fixation: the id changes at login");
    }

    @Test
    void anonymousVisitorsGetTheLoginPageForEveryProtectedPage() {
        for (String page : new String[] {"", "dashboard.xhtml", "hello.xhtml", "admin/users.xhtml"}) {
            browser.open(page);
            assertEquals("/login.xhtml", browser.path(), page);
        }
    }

    @Test
    void aFormPostedWithoutItsViewStateIsRefused() throws Exception {
        // What a cross-site form would send: the right fields, but no view state of this session.
        String forged = "login=login&login%3Ausername=admin&login%3Apassword=admin123&login%3Asubmit=Log+in"
                + "&jakarta.faces.ViewState=-1234567890%3A987654321";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(TestStack.get().baseUri().resolve("login.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(forged)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertFalse(answer.headers().firstValue("Location").orElse("").contains("dashboard"), "not logged in");
        assertFalse(answer.body().contains("Welcome"));
        assertFalse(answer.body().contains("Exception"), "no stack trace");
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(TestStack.get().baseUri().resolve("login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        var headers = page.headers();
        String policy = headers.firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(headers.firstValue("Referrer-Policy").isPresent());
        assertTrue(headers.firstValue("Cache-Control").orElse("").contains("no-store"));
        String cookie = headers.firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        assertFalse(page.body().contains("eyJ"), "no token in any page");
    }
}
