package dev.authstack.web.account;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.authstack.it.Api;
import dev.authstack.it.Eventually;
import dev.authstack.it.SecondInstance;
import dev.authstack.it.TestStack;
import dev.authstack.web.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Account page in a real browser: the password form, the user's sessions, and sessions that outlive their tokens. */
@Tag("browser")
class AccountPageIT {

    static final String PASSWORD = "account-password-1";
    final Api api = Api.ofTestStack();
    Browser browser = new Browser();

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void aUserChangesTheirPasswordAndStaysLoggedInWhileOtherSessionsEnd() {
        JsonObject user = api.createUser(api.loginAsAdmin(), PASSWORD, false);
        String username = user.getString("username");
        String elsewhere = api.login(username, PASSWORD);
        browser.login(username, PASSWORD);
        browser.open("account.xhtml");
        assertEquals(2, browser.driver().findElements(By.cssSelector("#sessions tbody tr")).size());
        assertTrue(browser.text("#sessions tr.current").contains("This browser"));
        assertTrue(browser.text("#new_password-rules").contains("8 to 72 bytes"));
        assertEachSessionsButtonFitsTheWindow();
        browser.screenshots("account");
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('sessions').scrollIntoView()");
        browser.screenshots("account-sessions");

        fill("not-my-password", "a brand new passphrase", "a brand new passphrase");
        assertEquals("The current password is incorrect.", browser.text("#password\\:current_password-message"));
        fill(PASSWORD, "a brand new passphrase", "another passphrase");
        assertEquals("The two new passwords differ.", browser.text("#password\\:confirmation-message"));
        fill(PASSWORD, "short", "short");
        assertFalse(browser.text("#password\\:new_password-message").isBlank(), "the rule is shown next to the field");

        fill(PASSWORD, "a brand new passphrase", "a brand new passphrase");
        assertTrue(browser.text("#messages").contains("Password changed"), browser.text("#messages"));
        assertEquals("/account.xhtml", browser.path(), "still logged in");
        assertEquals(1, browser.driver().findElements(By.cssSelector("#sessions tbody tr")).size(), "only this browser's session");
        assertEquals(401, api.get("hello", elsewhere).status());
        browser.open("hello.xhtml").find("#hello-json");
        assertEquals(200, api.post("auth/login", credentials(username, "a brand new passphrase"), null).status());
    }

    @Test
    void aUserEndsAnotherSessionThenLogsOutEverywhere() {
        JsonObject user = api.createUser(api.loginAsAdmin(), PASSWORD, false);
        String username = user.getString("username");
        String phone = api.login(username, PASSWORD);
        browser.login(username, PASSWORD);
        browser.open("account.xhtml");
        String other = browser.driver().findElements(By.cssSelector("#sessions tbody tr")).stream()
                .filter(row -> !row.getAttribute("class").contains("current")).findFirst().orElseThrow().getAttribute("id");

        browser.submit("#end-" + other.substring("session-".length()) + "\\:submit");
        assertTrue(browser.text("#messages").contains("Session ended"), browser.text("#messages"));
        assertEquals(1, browser.driver().findElements(By.cssSelector("#sessions tbody tr")).size());
        assertEquals(401, Eventually.until(Duration.ofSeconds(2), () -> api.get("hello", phone).status(), got -> got == 401));

        browser.submit("#end-all\\:submit");
        assertEquals("/login.xhtml", browser.path());
        browser.open("dashboard.xhtml");
        assertEquals("/login.xhtml", browser.path(), "logged out everywhere, this browser too");
    }

    @Test
    void anAdministratorSeesAndEndsAUsersSessionsFromTheUsersDialog() {
        String admin = api.loginAsAdmin();
        JsonObject user = api.createUser(admin, PASSWORD, false);
        String token = api.login(user.getString("username"), PASSWORD);
        browser.login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        browser.open("admin/users.xhtml?q=" + user.getString("username"));
        // The link sits in the user's edit dialog; followed as its href says (UsersPageIT clicks through the dialogs).
        String link = browser.driver().findElement(By.id("sessions-link-" + user.getInt("id"))).getAttribute("href");
        assertTrue(link.endsWith("/admin/sessions.xhtml?user=" + user.getInt("id")), link);
        browser.driver().get(link);
        browser.waitFor().until(driver -> driver.getCurrentUrl().contains("/admin/sessions.xhtml"));
        assertEquals(user.getString("username"), browser.text("#session-user"));
        assertEquals(1, browser.driver().findElements(By.cssSelector("#sessions tbody tr")).size());
        browser.screenshots("admin-sessions");

        browser.submit("#end-all\\:submit");
        assertTrue(browser.text("#messages").contains("has ended"), browser.text("#messages"));
        assertTrue(browser.has("#no-sessions"));
        assertEquals(401, Eventually.until(Duration.ofSeconds(2), () -> api.get("hello", token).status(), got -> got == 401));
    }

    @Test
    void aBrowserUserStaysLoggedInAcrossManyShortAccessTokensInOneTabOrSixAtOnce() throws Exception {
        try (SecondInstance shortTokens = SecondInstance.start(Map.of("APPS", "api web", "ACCESS_TOKEN_TTL_SECONDS", "5"))) {
            browser.close();
            browser = new Browser(shortTokens.baseUri());
            JsonObject user = api.createUser(api.loginAsAdmin(), PASSWORD, false);
            String username = user.getString("username");
            browser.login(username, PASSWORD);
            Instant end = Instant.now().plusSeconds(30);
            int pages = 0;
            while (Instant.now().isBefore(end)) {
                browser.open(pages % 2 == 0 ? "hello.xhtml" : "account.xhtml");
                assertEquals(pages % 2 == 0 ? "/hello.xhtml" : "/account.xhtml", browser.path(), "bounced after " + pages + " pages");
                pages++;
                Thread.sleep(700); // a person's pace: about six access-token lifetimes in the 30 s
            }
            assertTrue(pages > 20, pages + " pages");

            // Six tabs of the same browser session, as fast as they load, over three more lifetimes: whichever request
            // finds the token due refreshes it and the others wait for it, so no refresh token is traded twice (the
            // second trade would be reuse, and end the session). The tabs share the browser's cookies, as tabs do
            // (Payara's replicated sessions add a version cookie that every answer updates).
            URI dashboard = shortTokens.baseUri().resolve("dashboard.xhtml");
            CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
            for (org.openqa.selenium.Cookie cookie : browser.driver().manage().getCookies()) {
                HttpCookie copy = new HttpCookie(cookie.getName(), cookie.getValue());
                copy.setPath("/");
                copy.setVersion(0);
                jar.getCookieStore().add(dashboard, copy);
            }
            HttpClient http = HttpClient.newBuilder().cookieHandler(jar).build();
            Instant tabsEnd = Instant.now().plusSeconds(15);
            ExecutorService tabs = Executors.newFixedThreadPool(6);
            List<Future<Integer>> loads = new ArrayList<>();
            for (int tab = 0; tab < 6; tab++) {
                loads.add(tabs.submit(() -> {
                    int loaded = 0;
                    while (Instant.now().isBefore(tabsEnd)) {
                        HttpResponse<String> page = http.send(HttpRequest.newBuilder(dashboard).build(), HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, page.statusCode(), "a tab was sent away after " + loaded + " pages: " + page.headers().map());
                        assertTrue(page.body().contains(">" + username + "<"), "a tab lost the user after " + loaded + " pages");
                        loaded++;
                    }
                    return loaded;
                }));
            }
            tabs.shutdown();
            int loaded = 0;
            for (Future<Integer> load : loads) {
                loaded += load.get();
            }
            assertTrue(loaded > 30, loaded + " pages in six tabs");

            // One session all along, refreshed again and again.
            browser.open("account.xhtml");
            assertEquals(1, browser.driver().findElements(By.cssSelector("#sessions tbody tr")).size());
        }
    }

    private void fill(String current, String next, String again) {
        browser.open("account.xhtml");
        browser.type("#password\\:current_password", current).type("#password\\:new_password", next)
                .type("#password\\:confirmation", again).submit("#password\\:submit");
    }

    static String credentials(String username, String password) {
        return Json.createObjectBuilder().add("username", username).add("password", password).build().toString();
    }

    /** Log out and End lie fully inside the window on a desktop and on a phone, beside a long user agent. */
    private void assertEachSessionsButtonFitsTheWindow() {
        Dimension before = browser.driver().manage().window().getSize();
        try {
            for (int width : new int[] {Browser.DESKTOP, Browser.PHONE}) {
                browser.driver().manage().window().setSize(new Dimension(width, 900));
                for (WebElement button : browser.driver().findElements(By.cssSelector("#sessions tbody tr input[type=submit]"))) {
                    assertNull(browser.outsideTheWindow(button), width + " px: " + button.getAttribute("id"));
                }
            }
        } finally {
            browser.driver().manage().window().setSize(before);
        }
    }
}
