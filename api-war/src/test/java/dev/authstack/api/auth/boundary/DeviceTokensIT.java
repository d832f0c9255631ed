package dev.authstack.api.auth.boundary;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.authstack.api.auth.control.DeviceTokens;
import dev.authstack.api.contract.CanonicalUsername;
import dev.authstack.api.keys.control.MasterKey;
import dev.authstack.it.Api;
import dev.authstack.it.Garbage;
import dev.authstack.it.LockoutAttack;
import dev.authstack.it.SecondInstance;
import dev.authstack.it.TestStack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Device tokens against the lockout attack (issue 20, part 1): an attacker keeps an account at its longest wait, and
 * the owner still logs in from a device that logged in before. The attacks run against an instance whose policy
 * reaches its longest wait in seconds (2 free failures, then 1, 2, 4 s, and 4 s from then on) rather than the
 * production 15 minutes; the mechanism is the same, only the numbers are smaller.
 */
@Tag("slow")
class DeviceTokensIT {

    static final String PASSWORD = "device-tokens-password";
    static final long MAX_WAIT_SECONDS = 4;
    /** The production default of LOGIN_DEVICE_FAILURES, which the small-policy instance keeps. */
    static final int DEVICE_FAILURES = 5;

    static final Api first = Api.ofTestStack();
    static SecondInstance small;
    static Api api;
    static String admin;

    @BeforeAll
    static void instances() {
        small = SecondInstance.start(Map.of("LOGIN_FREE_FAILURES", "2", "LOGIN_MAX_WAIT_SECONDS", String.valueOf(MAX_WAIT_SECONDS)));
        api = small.api();
        admin = first.loginAsAdmin();
    }

    @AfterAll
    static void stop() {
        small.close();
    }

    @Test
    void theOwnerLogsInWithItsDeviceTokenWhileAnAttackerHoldsTheAccountAtTheLongestWait() throws Exception {
        String owner = user();
        String device = deviceToken(login(api, owner, PASSWORD, null));
        try (LockoutAttack attack = LockoutAttack.holdAtLongestWait(api, owner, MAX_WAIT_SECONDS)) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3 * MAX_WAIT_SECONDS);
            int logins = 0;
            while (System.nanoTime() < end) {
                Api.Answer withDevice = login(api, owner, PASSWORD, json(device));
                assertEquals(200, withDevice.status(), () -> "the owner's device, during the attack: " + withDevice);
                assertEquals(owner, withDevice.json().getJsonObject("user").getString("username"));
                String next = deviceToken(withDevice);
                assertNotEquals(device, next, "each login answers a new device token");
                device = next;
                logins++;

                Api.Answer without = login(api, owner, PASSWORD, null);
                assertEquals(429, without.status(), () -> "without a device token the account still waits: " + without);
                Thread.sleep(200);
            }
            attack.assertHeld();
            System.out.printf("device tokens: %d owner logins during %d attacker guesses (%d checked)%n", logins,
                    attack.guesses(), attack.checked());
            assertTrue(logins >= 5, "the owner logged in " + logins + " times");
        }
    }

    @Test
    void aStolenDeviceTokenGetsItsOwnFewFailuresAndTheOwnersOtherDeviceStillLogsIn() throws Exception {
        String owner = user();
        String stolen = deviceToken(login(api, owner, PASSWORD, null));
        String other = deviceToken(login(api, owner, PASSWORD, null));
        try (LockoutAttack attack = LockoutAttack.holdAtLongestWait(api, owner, MAX_WAIT_SECONDS)) {
            for (int i = 0; i < DEVICE_FAILURES; i++) {
                Api.Answer guess = login(api, owner, "thief-" + i, json(stolen));
                assertEquals(401, guess.status(), "the stolen device's own failures, " + i + ": " + guess);
            }
            for (int i = 0; i < 5; i++) {
                Api.Answer guess = login(api, owner, "thief-more-" + i, json(stolen));
                assertEquals(429, guess.status(), "the stolen device has used up its failures: its guesses wait with the account's");
            }
            Api.Answer ownerOnStolen = login(api, owner, PASSWORD, json(stolen));
            assertEquals(429, ownerOnStolen.status(), () -> "the stolen device is no longer trusted, for anyone: " + ownerOnStolen);

            Api.Answer ownerElsewhere = login(api, owner, PASSWORD, json(other));
            assertEquals(200, ownerElsewhere.status(), () -> "the owner's other device: " + ownerElsewhere);
            assertEquals(200, login(api, owner, PASSWORD, json(deviceToken(ownerElsewhere))).status(), "and its new token");
            attack.assertHeld();
        }
    }

    /**
     * What is not a live device token of the account is no device token at all: with the right password it logs into
     * that account (never another) or is a 4xx problem; on a held account it waits like any login without one.
     */
    @Test
    void garbageForeignAlteredAndExpiredDeviceTokensAreNoDeviceToken() throws Exception {
        String owner = user();
        String stranger = user();
        Api.Answer ownerLogin = login(api, owner, PASSWORD, null);
        String own = deviceToken(ownerLogin);
        String strangers = deviceToken(login(api, stranger, PASSWORD, null));
        Instant longAgo = Instant.now().minusSeconds(86_400);
        String expired = DeviceTokens.of(MasterKey.of(TestStack.MASTER_KEY), 60, Clock.fixed(longAgo, ZoneOffset.UTC))
                .issue(CanonicalUsername.of(owner).orElseThrow()).value();
        String otherDeployment = DeviceTokens.of(MasterKey.of("x".repeat(48)), 86_400, Clock.systemUTC())
                .issue(CanonicalUsername.of(owner).orElseThrow()).value();
        List<String> values = new ArrayList<>(List.of("5", "-1", "1e400", "true", "{}", "{\"device_token\":" + json(own) + "}",
                "[" + json(own) + "]", "[]", json(""), json("\u0000"), json(own + "\u0000"), json("\u0000" + own),
                json(own + " "), json(" " + own), json(own.toUpperCase()), json(own.replace('.', '_')), json(own + own),
                json("A".repeat(128)), json("A".repeat(129)), json("A".repeat(200_000)), json(own.substring(1)),
                json(strangers), json(expired), json(otherDeployment), json(ownerLogin.json().getString("access_token")),
                json(ownerLogin.json().getString("refresh_token"))));
        for (int i = 0; i < own.length(); i++) {
            char c = own.charAt(i);
            values.add(json(own.substring(0, i) + (c == 'A' ? 'B' : c == '.' ? '-' : 'A') + own.substring(i + 1)));
        }
        Garbage garbage = Garbage.seeded();
        for (int i = 0; i < 40; i++) {
            values.add(json(garbage.next()));
        }

        for (String value : values) {
            Api.Answer answer = login(api, owner, PASSWORD, value);
            assertNoDevice(answer, owner, value);
            Api.Answer asStranger = login(api, stranger, PASSWORD, value);
            assertNoDevice(asStranger, stranger, value);
        }
        try (LockoutAttack attack = LockoutAttack.holdAtLongestWait(api, owner, MAX_WAIT_SECONDS)) {
            for (String value : values) {
                Api.Answer answer = login(api, owner, PASSWORD, value);
                assertTrue(answer.status() == 429 || answer.status() == 400 || answer.status() == 413,
                        () -> "on a held account, for " + Garbage.escaped(value) + ": " + answer);
                Api.assertProblem(answer, answer.status());
            }
            assertEquals(200, login(api, owner, PASSWORD, json(own)).status(), "the owner's own token still works");
            attack.assertHeld();
        }
    }

    private static void assertNoDevice(Api.Answer answer, String username, String value) {
        if (answer.status() == 200) {
            assertEquals(username, answer.json().getJsonObject("user").getString("username"), "never another account");
            return;
        }
        assertTrue(answer.status() == 400 || answer.status() == 413, () -> "for " + Garbage.escaped(value) + ": " + answer);
        Api.assertProblem(answer, answer.status());
    }

    static Api.Answer login(Api target, String username, String password, String deviceToken) {
        return LockoutAttack.login(target, username, password, deviceToken);
    }

    static String deviceToken(Api.Answer login) {
        assertEquals(200, login.status(), login::toString);
        JsonObject json = login.json();
        assertTrue(json.getJsonNumber("device_expires_in").longValue() > 0, login::toString);
        return json.getString("device_token");
    }

    private static String json(String text) {
        return Garbage.json(text);
    }

    private static String user() {
        return first.createUser(admin, PASSWORD, false).getString("username");
    }
}
