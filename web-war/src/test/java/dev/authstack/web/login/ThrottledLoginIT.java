package dev.authstack.web.login;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.authstack.web.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After five failures the login page says how long to wait, keeps the username, and sends no password back. */
@Tag("browser")
class ThrottledLoginIT {

    final Browser browser = new Browser();

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void aThrottledLoginSaysHowLongToWaitAndKeepsTheForm() {
        String username = "guessed-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            browser.login(username, "wrong-password-" + i);
            assertEquals("Invalid username or password.", browser.text("#messages"));
        }
        // A browser takes about a second a try, as long as the first wait: it meets a wait once the waits double.
        int attempts = 5;
        while (!browser.text("#messages").startsWith("Too many attempts") && attempts < 10) {
            browser.login(username, "wrong-password-" + attempts++);
        }
        assertTrue(browser.text("#messages").matches("Too many attempts; try again in \\d+ seconds?\\."), browser.text("#messages"));
        assertEquals(username, browser.find("#login\\:username").getAttribute("value"), "the username is kept");
        assertEquals("", browser.find("#login\\:password").getAttribute("value"), "the password is not sent back");
        browser.screenshots("login-throttled");
    }
}
