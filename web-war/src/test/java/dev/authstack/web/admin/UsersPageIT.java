package dev.authstack.web.admin;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.lang.annotation.Annotation;

import dev.authstack.api.contract.EmailAddress;
import dev.authstack.api.contract.PlainText;
import dev.authstack.api.contract.Username;
import dev.authstack.api.contract.ValidPassword;
import dev.authstack.it.Api;
import dev.authstack.it.TestStack;
import dev.authstack.web.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        browser.open("admin/users.xhtml");

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
    }

    @Test
    void aFailedEditReopensTheDialogWithTheApisMessage() {
        String admin = api.loginAsAdmin();
        JsonObject first = api.createUser(admin, "password-1", false);
        JsonObject second = api.createUser(admin, "password-1", false);
        browser.open("admin/users.xhtml");
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
        browser.open("admin/users.xhtml");

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

    private void create(String username, String email, String password) {
        browser.type("#create\\:username", username).type("#create\\:email", email).type("#create\\:password", password);
        browser.submit("#create\\:submit");
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(org.openqa.selenium.By.id("create")));
    }
}
