package dev.authstack.web.admin;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.lang.annotation.Annotation;
import java.util.List;

import dev.authstack.api.contract.EmailAddress;
import dev.authstack.api.contract.PlainText;
import dev.authstack.api.contract.Username;
import dev.authstack.api.contract.ValidPassword;
import dev.authstack.it.Api;
import dev.authstack.it.TestStack;
import dev.authstack.web.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("browser")
class UsersPageIT {

    final Api api = Api.ofTestStack();
    final Browser browser = new Browser();

    @BeforeEach
    void asAdmin() {
        browser.login(TestStack.ADMIN, TestStack.ADMIN_PASSWORD);
        browser.find("#nav-admin").click();
        browser.waitFor().until(driver -> driver.getCurrentUrl().endsWith("/admin/users.xhtml"));
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void anAdminCreatesAUserWhoCanThenLogIn() {
        String name = Api.uniqueUsername("w");
        browser.screenshots("users");

        create(name, name + "@example.com", "password-1");

        assertEquals("User " + name + " created.", browser.text("#messages"));
        assertTrue(browser.text("#users").contains(name + "@example.com"));
        assertEquals(200, api.get("hello", api.login(name, "password-1")).status());
    }

    @Test
    void aDuplicateShowsTheApisMessageAndKeepsWhatWasTypedButThePassword() {
        String name = Api.uniqueUsername("w");
        create(name, name + "@example.com", "password-1");

        create(name, "other-" + name + "@example.com", "password-2");

        assertEquals("A user with this username already exists.", browser.text("#messages"));
        assertEquals(name, browser.find("#create\\:username").getAttribute("value"));
        assertEquals("other-" + name + "@example.com", browser.find("#create\\:email").getAttribute("value"));
        assertEquals("", browser.find("#create\\:password").getAttribute("value"));
        browser.screenshots("users-duplicate");
    }

    /** The page shows the API's own rules, the contract's annotations, each next to its field. */
    @Test
    void fieldRulesShowNextToTheFieldBeforeAnyRoundTrip() {
        // user@localhost passes the browser's own e-mail check but not the API's rule.
        create("x", "user@localhost", "k7#Qz");
        assertTrue(browser.text("#create").contains(ruleOf(Username.class)), browser.text("#create"));
        assertEquals(ruleOf(Username.class), browser.text("#create\\:username-message"));
        assertEquals(ruleOf(EmailAddress.class), browser.text("#create\\:email-message"));
        assertEquals(ruleOf(ValidPassword.class), browser.text("#create\\:password-message"));
    }

    @Test
    void controlCharactersAreRefusedNextToTheField() {
        browser.type("#create\\:username", Api.uniqueUsername("c")).type("#create\\:email", "control@example.com");
        // A browser cannot type a control character; a script (or a crafted post) can send one.
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('create:password').value = 'pass\\u0007word';");
        browser.submit("#create\\:submit");
        assertEquals(ruleOf(PlainText.class), browser.text("#create\\:password-message"));
    }

    private static String ruleOf(Class<? extends Annotation> rule) {
        try {
            return (String) rule.getMethod("message").getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(rule + " is not a constraint", e);
        }
    }

    @Test
    void anAdminEditsAUserInTheModalDialog() {
        JsonObject user = api.createUser(api.loginAsAdmin(), "password-1", false);
        long id = user.getJsonNumber("id").longValue();
        browser.open("admin/users.xhtml?q=" + user.getString("username"));

        browser.click("#edit-button-" + id);
        browser.find("#edit-modal-" + id);
        browser.screenshots("users-edit");
        browser.type("#edit-" + id + "\\:email", "edited-" + user.getString("email"));
        browser.click("#edit-" + id + "\\:admin");
        browser.submit("#edit-" + id + "\\:save");

        assertEquals("User " + user.getString("username") + " saved.", browser.text("#messages"));
        JsonObject saved = api.get("users/" + id, api.loginAsAdmin()).json();
        assertEquals("edited-" + user.getString("email"), saved.getString("email"));
        assertTrue(saved.getBoolean("is_admin"));
        assertTrue(browser.text("#user-" + id).contains("Administrator"));
        assertTrue(browser.driver().getCurrentUrl().contains("q=" + user.getString("username")), "back on the same page: "
                + browser.driver().getCurrentUrl());
    }

    @Test
    void aFailedEditReopensTheDialogWithTheApisMessage() {
        String admin = api.loginAsAdmin();
        JsonObject first = api.createUser(admin, "password-1", false);
        JsonObject second = api.createUser(admin, "password-1", false);
        browser.open("admin/users.xhtml?q=" + second.getString("username"));
        long id = second.getJsonNumber("id").longValue();

        browser.click("#edit-button-" + id);
        browser.type("#edit-" + id + "\\:email", first.getString("email"));
        browser.submit("#edit-" + id + "\\:save");

        assertEquals("A user with this email already exists.", browser.text("#messages"));
        assertEquals(first.getString("email"), browser.find("#edit-" + id + "\\:email").getAttribute("value"), "dialog open, input kept");
    }

    @Test
    void anAdminDeletesAUserAfterConfirming() {
        JsonObject user = api.createUser(api.loginAsAdmin(), "password-1", false);
        long id = user.getJsonNumber("id").longValue();
        browser.open("admin/users.xhtml?q=" + user.getString("username"));

        browser.click("#delete-button-" + id);
        browser.find("#delete-modal-" + id);
        browser.screenshots("users-delete");
        browser.submit("#delete-" + id + "\\:confirm");

        assertEquals("User " + user.getString("username") + " deleted.", browser.text("#messages"));
        assertFalse(browser.has("#user-" + id));
        assertEquals(404, api.get("users/" + id, api.loginAsAdmin()).status());
    }

    @Test
    void theLastAdminCannotBeDeletedAndTheApiSaysWhy() {
        JsonObject self = api.get("me", api.loginAsAdmin()).json();
        long id = self.getJsonNumber("id").longValue();
        // Other tests may leave administrators behind: this only needs the API's refusal to reach the page.
        for (JsonObject user : api.everyUser(api.loginAsAdmin())) {
            if (user.getBoolean("is_admin") && user.getJsonNumber("id").longValue() != id) {
                api.put("users/" + user.getInt("id"), "{\"is_active\":false}", api.loginAsAdmin());
            }
        }
        browser.open("admin/users.xhtml");

        browser.click("#delete-button-" + id);
        browser.submit("#delete-" + id + "\\:confirm");

        assertTrue(browser.text("#messages").contains("last active administrator"), browser.text("#messages"));
    }

    @Test
    void aNonAdminGetsTheForbiddenPage() {
        JsonObject user = api.createUser(api.loginAsAdmin(), "password-1", false);
        try (Browser other = new Browser()) {
            other.login(user.getString("username"), "password-1");
            other.open("admin/users.xhtml");
            assertEquals("403 · Forbidden", other.text("#forbidden h1"));
            assertTrue(other.has("#nav-dashboard"), "in the same layout");
            other.screenshots("forbidden");
        }
    }

    /** More users than a page: Next follows the API's cursor, First goes back, and no user is on two pages. */
    @Test
    void pagesWithNextAndFirstKeepingTheSearch() {
        String prefix = insertUsers(UsersBacking.PAGE_SIZE + 5, "");
        browser.open("admin/users.xhtml?q=" + prefix);
        List<String> first = rowIds();
        assertEquals(UsersBacking.PAGE_SIZE, first.size());
        assertFalse(browser.has("#first-page"), "no First on the first page");

        browser.submit("#next-page");
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.contains("q=" + prefix) && url.contains("cursor="), url);
        List<String> second = rowIds();
        assertEquals(5, second.size());
        assertTrue(second.stream().noneMatch(first::contains), "no user on two pages");
        assertFalse(browser.has("#next-page"), "no Next on the last page");
        browser.screenshots("users-last-page");

        browser.submit("#first-page");
        assertEquals(first, rowIds());
        assertFalse(browser.driver().getCurrentUrl().contains("cursor="), browser.driver().getCurrentUrl());
    }

    /** The search box is a GET form: its result has an address that shows the same users when opened again. */
    @Test
    void theSearchIsABookmarkableGet() {
        String prefix = insertUsers(3, "");
        browser.type("#search-q", prefix.toUpperCase());
        browser.submit("#search-submit");
        String url = browser.driver().getCurrentUrl();
        assertTrue(url.contains("/admin/users.xhtml?q=" + prefix.toUpperCase()), url);
        List<String> found = rowIds();
        assertEquals(3, found.size());
        assertEquals(prefix.toUpperCase(), browser.find("#search-q").getAttribute("value"));

        browser.open("dashboard.xhtml");
        browser.driver().get(url);
        assertEquals(found, rowIds());

        browser.open("admin/users.xhtml?q=" + prefix + "%25");
        assertTrue(browser.has("#no-users"), "a percent sign is a percent sign");
    }

    /** A cursor the API did not write, typed into the address bar: the API's refusal, not an error page. */
    @Test
    void aForgedCursorShowsTheApisRefusal() {
        browser.open("admin/users.xhtml?cursor=forged");
        assertTrue(browser.text("#messages").contains("cursor"), browser.text("#messages"));
        assertTrue(browser.has("#no-users"));
        assertTrue(browser.has("#create"), "the rest of the page is there");
    }

    /** Edit and Delete lie fully inside the window on a desktop and on a phone, even beside very long names. */
    @Test
    void editAndDeleteFitTheWindowAtEveryWidth() {
        String prefix = insertUsers(3, "a-rather-long-name-that-goes-on");
        TestStack.get().psql("UPDATE users SET email = username || '.' || repeat('x', 150) || '@example.com' WHERE username LIKE '"
                + prefix + "%'");
        browser.open("admin/users.xhtml?q=" + prefix);
        for (int width : new int[] {Browser.DESKTOP, Browser.PHONE}) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
            for (String button : List.of("edit-button-", "delete-button-")) {
                for (String id : rowIds()) {
                    assertNull(browser.outsideTheWindow(browser.driver().findElement(org.openqa.selenium.By.id(button + id))),
                            width + " px: " + button + id);
                }
            }
        }
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('users').scrollIntoView()");
        browser.screenshots("users-long-names");
    }

    /** Users straight into PostgreSQL, many at once: "w", 11 random characters, the filler, a number. Answers the prefix. */
    private static String insertUsers(int count, String filler) {
        String prefix = "w" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 11);
        TestStack.get().psql("INSERT INTO users (username, email, password_hash) SELECT '" + prefix + filler + "' || n, '"
                + prefix + filler + "' || n || '@example.com', '$2a$10$" + "a".repeat(53) + "' FROM generate_series(1, " + count + ") n");
        return prefix;
    }

    private List<String> rowIds() {
        browser.find("#users");
        return browser.driver().findElements(org.openqa.selenium.By.cssSelector("#users tbody tr")).stream()
                .map(row -> row.getAttribute("id").substring("user-".length())).toList();
    }

    private void create(String username, String email, String password) {
        browser.type("#create\\:username", username).type("#create\\:email", email).type("#create\\:password", password);
        browser.submit("#create\\:submit");
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(org.openqa.selenium.By.id("create")));
    }
}
