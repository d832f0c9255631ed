package dev.authstack.web.login;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;

import java.util.Map;

import dev.authstack.it.Api;
import dev.authstack.it.LockoutAttack;
import dev.authstack.it.SecondInstance;
import dev.authstack.web.Browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lockout attack of issue 20 through the browser: an attacker holds the account at its longest wait, and the owner,
 * whose browser logged in before and so keeps a device cookie, still logs in; a browser without it waits. On an
 * instance whose policy reaches its longest wait in seconds (2 free failures, then 1, 2, 4 s) instead of 15 minutes.
 */
@Tag("browser")
class DeviceCookieIT {

    static final String PASSWORD = "device-cookie-password";
    static final long MAX_WAIT_SECONDS = 4;

    static SecondInstance small;
    static Api api;

    @BeforeAll
    static void instance() {
        small = SecondInstance.start(Map.of("APPS", "api web", "LOGIN_FREE_FAILURES", "2",
                "LOGIN_MAX_WAIT_SECONDS", String.valueOf(MAX_WAIT_SECONDS)));
        api = small.api();
    }

    @AfterAll
    static void stop() {
        small.close();
    }

    @Test
    void theOwnersBrowserLogsInWhileAnAttackerHoldsTheAccountAtTheLongestWait() throws Exception {
        String owner = api.createUser(api.loginAsAdmin(), PASSWORD, false).getString("username");
        try (Browser known = new Browser(small.baseUri()); Browser unknown = new Browser(small.baseUri())) {
            known.login(owner, PASSWORD);
            assertEquals("/dashboard.xhtml", known.path());
            Cookie device = known.driver().manage().getCookieNamed("__Host-device");
            assertNotNull(device, "the browser keeps the device cookie: " + known.driver().manage().getCookies());
            assertTrue(device.isHttpOnly(), "HttpOnly");
            assertTrue(device.isSecure(), "Secure, as __Host- demands (http://localhost is a secure context)");
            assertEquals("/", device.getPath());
            assertEquals("Strict", device.getSameSite());
            known.submit("#logout\\:submit");
            assertEquals("/login.xhtml", known.path());
            assertNotNull(known.driver().manage().getCookieNamed("__Host-device"), "logging out leaves the device known");

            try (LockoutAttack attack = LockoutAttack.holdAtLongestWait(api, owner, MAX_WAIT_SECONDS)) {
                unknown.login(owner, PASSWORD);
                assertTrue(unknown.text("#messages").startsWith("Too many attempts"), "a browser without the cookie waits: "
                        + unknown.text("#messages"));

                for (int i = 0; i < 3; i++) {
                    known.login(owner, PASSWORD);
                    int login = i;
                    assertEquals("/dashboard.xhtml", known.path(), () -> "the owner's browser, login " + login + ": "
                            + known.text("#messages"));
                    Cookie renewed = known.driver().manage().getCookieNamed("__Host-device");
                    assertNotEquals(device.getValue(), renewed.getValue(), "each login renews the device cookie");
                    device = renewed;
                    known.submit("#logout\\:submit");
                }
                attack.assertHeld();
            }
        }
    }
}
