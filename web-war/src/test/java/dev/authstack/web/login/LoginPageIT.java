package dev.authstack.web.login;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.authstack.it.TestStack;
import dev.authstack.web.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("browser")
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

    /**
     * What a cross-site form would send: the right fields in the victim's session, but not a view state of it. The same
     * post with the page's own view state logs in, so the refusal is the view state's doing, not a wrong path or field.
     */
    @Test
    void aFormPostedWithoutItsViewStateIsRefused() throws Exception {
        HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        URI login = TestStack.get().baseUri().resolve("login.xhtml");
        String page = session.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertTrue(viewState.find(), "the login page has a view state");
        String fields = "login=login&login%3Ausername=admin&login%3Apassword=admin123&login%3Asubmit=Log+in&jakarta.faces.ViewState=";

        HttpResponse<String> forged = post(session, login, fields + "-1234567890%3A987654321");
        assertTrue(forged.statusCode() == 200 || forged.statusCode() >= 400 && forged.statusCode() != 404,
                "refused by the page, not missing: " + forged.statusCode());
        assertFalse(forged.headers().firstValue("Location").isPresent(), "not logged in");
        assertFalse(forged.body().contains("Welcome"));
        assertFalse(forged.body().contains("Exception"), "no stack trace");

        HttpResponse<String> genuine = post(session, login, fields + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8));
        assertEquals(302, genuine.statusCode(), "the same form with its view state logs in");
        assertTrue(genuine.headers().firstValue("Location").orElse("").endsWith("/dashboard.xhtml"));
    }

    private static HttpResponse<String> post(HttpClient session, URI page, String form) throws Exception {
        return session.send(HttpRequest.newBuilder(page)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
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
