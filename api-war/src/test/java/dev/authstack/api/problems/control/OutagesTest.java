package dev.authstack.api.problems.control;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutagesTest {

    @Test
    void recognisesAConnectionFailureDeepInTheCauseChain() {
        var wrapped = new PersistenceException(new RuntimeException(new SQLException("refused", "08001")));
        assertTrue(Outages.isOutage(wrapped));
        assertTrue(Outages.isOutage(new PersistenceException(new ConnectException("refused"))));
        assertTrue(Outages.isOutage(new SQLException("terminating connection due to administrator command", "57P01")));
    }

    @Test
    void doesNotMistakeABugForAnOutage() {
        assertFalse(Outages.isOutage(new PersistenceException(new SQLException("syntax error", "42601"))));
        assertFalse(Outages.isOutage(new NullPointerException()));
    }
}
