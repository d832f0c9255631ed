package dev.authstack.api.redis.control;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedisDurabilityTest {

    @Test
    void keptWithAnAppendOnlyFileOrSavePointsAndNoEviction() {
        assertEquals("kept", RedisDurability.verdictOf(Map.of("appendonly", "yes", "save", "", "maxmemory-policy", "noeviction")));
        assertEquals("kept", RedisDurability.verdictOf(Map.of("appendonly", "no", "save", "3600 1", "maxmemory-policy", "noeviction")));
    }

    @Test
    void saysWhyLogoutsMayBeLost() {
        String verdict = RedisDurability.verdictOf(Map.of("appendonly", "no", "save", "", "maxmemory-policy", "volatile-ttl"));
        assertTrue(verdict.contains("no persistence") && verdict.contains("volatile-ttl"), verdict);
    }
}
