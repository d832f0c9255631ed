package dev.authstack.api.audit.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit search's username rule: Username's characters and longest length, from one character on. */
class UsernameSearchTest {

    @Test
    void acceptsAnyNameOfUsernamesCharactersFromOneToFifty() {
        assertTrue("a".matches(AuditEventsResource.USERNAME_SEARCH));
        assertTrue("Al_i.c-e9".matches(AuditEventsResource.USERNAME_SEARCH));
        assertTrue("x".repeat(50).matches(AuditEventsResource.USERNAME_SEARCH));
    }

    @Test
    void refusesWhatNoUsernameCouldBe() {
        assertFalse("x".repeat(51).matches(AuditEventsResource.USERNAME_SEARCH));
        assertFalse("".matches(AuditEventsResource.USERNAME_SEARCH));
        assertFalse("al ice".matches(AuditEventsResource.USERNAME_SEARCH));
        assertFalse("alice'--".matches(AuditEventsResource.USERNAME_SEARCH));
    }
}
