package dev.authstack.api.audit.entity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditEventTest {

    @Test
    void bidirectionalOverridesAndZeroWidthCharactersAreStrippedLikeControlCharacters() {
        String spoofed = "Mozilla\u202Egpj.exe\u202C \u2066isolated\u2069\u200F\u200B\uFEFF\r\n\u0000end";
        assertEquals("Mozillagpj.exe isolatedend", AuditEvent.printable(spoofed, 200));
    }

    @Test
    void theUserAgentIsCutWhenTheOriginIsMade() {
        AuditEvent.Origin origin = new AuditEvent.Origin("192.0.2.1", "agent/" + "x".repeat(100_000));
        assertEquals(AuditEvent.USER_AGENT_LENGTH, origin.userAgent().length());
        assertEquals(null, new AuditEvent.Origin(null, null).userAgent());
    }
}
