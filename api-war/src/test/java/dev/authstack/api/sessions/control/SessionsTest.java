package dev.authstack.api.sessions.control;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionsTest {

    @Test
    void aUserAgentIsStoredWithoutControlOrDirectionCharactersAndCut() {
        assertEquals("Mozilla/5.0 evil", Sessions.cut("Mozilla/5.0\u0000 \u202eevil\r\n"));
        assertEquals(200, Sessions.cut("x".repeat(5000)).length());
        assertNull(Sessions.cut(null));
    }

    @Test
    void cuttingNeverSplitsACharacter() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            StringBuilder agent = new StringBuilder();
            while (agent.length() < 260) {
                agent.appendCodePoint(random.nextBoolean() ? 0x1F600 + random.nextInt(50) : 0x20 + random.nextInt(0x5f));
            }
            String cut = Sessions.cut(agent.toString());
            assertTrue(cut.length() <= 200);
            assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 1)), cut);
            assertTrue(agent.toString().startsWith(cut));
        }
    }
}
