package dev.authstack.it;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The strict reader MetricsIT checks the API's text with: it must refuse what Prometheus's format does not allow. */
class PrometheusTextTest {

    @Test
    void readsCountersWithEscapedLabelsAndInfinities() {
        PrometheusText text = PrometheusText.parse("""
                # TYPE auth_logins_total counter
                # HELP auth_logins_total Logins by outcome.
                auth_logins_total{mp_scope="application",outcome="succeeded"} 3.0
                auth_logins_total{mp_scope="application",outcome="a \\"quoted\\" \\\\ value"} 0.0
                # TYPE temperature gauge
                temperature +Inf 1700000000000
                """);
        assertEquals(3.0, text.value("auth_logins_total", Map.of("mp_scope", "application", "outcome", "succeeded")));
        assertEquals(Double.POSITIVE_INFINITY, text.value("temperature", Map.of()));
        assertEquals("counter", text.typeOf("auth_logins_total"));
    }

    /** What Payara 6's exporter writes for a MicroProfile Timer with two label values (why the API does not use one). */
    @Test
    void refusesAFamilyResumedAfterAnother() {
        AssertionError refused = assertThrows(AssertionError.class, () -> PrometheusText.parse("""
                # TYPE auth_request_seconds_mean gauge
                auth_request_seconds_mean{endpoint="none",mp_scope="application"} 7105904.0
                # TYPE auth_request_seconds_max gauge
                auth_request_seconds_max{endpoint="none",mp_scope="application"} 7105904.0
                auth_request_seconds_mean{endpoint="GET /status",mp_scope="application"} 1.39943882E8
                """));
        assertTrue(refused.getMessage().contains("resumed"), refused.getMessage());
    }

    @Test
    void refusesWhatTheFormatDoesNotAllow() {
        for (String broken : new String[] {
            "a_total 1\na_total 2\n",                                   // the same series twice
            "# TYPE a counter\n# TYPE a counter\n",                      // a second TYPE
            "a 1\n# TYPE a gauge\n",                                     // TYPE after a sample
            "# TYPE a_total counter\na_total -1\n",                      // a negative counter
            "# TYPE a counter\na 1\n",                                   // a counter without _total
            "a{b=\"c\" 1\n",                                             // an unclosed label set
            "a{b=\"c\\x\"} 1\n",                                         // an unknown escape
            "a{1b=\"c\"} 1\n",                                           // a bad label name
            "a 1,5\n",                                                   // not a number
            "a  1\n",                                                    // two spaces
            "a 1",                                                       // no final line feed
            "# TYPE a histogramm\n",                                     // no such type
        }) {
            assertThrows(AssertionError.class, () -> PrometheusText.parse(broken), broken);
        }
    }
}
