package dev.authstack.api.http.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientAddressesTest {

    static ClientAddresses trusting(String proxies) {
        ClientAddresses cut = new ClientAddresses();
        cut.trustedProxies = proxies;
        cut.init();
        return cut;
    }

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        assertEquals("192.0.2.10", trusting("").of("192.0.2.10", List.of("203.0.113.5")));
    }

    @Test
    void aTrustedPeerHandsOverToTheNearestUntrustedAddress() {
        ClientAddresses cut = trusting("10.89.0.0/16, 127.0.0.1");
        // The browser claims 1.2.3.4, nginx adds what it saw (203.0.113.5), the web app adds nginx (10.89.0.3).
        assertEquals("203.0.113.5", cut.of("10.89.0.7", List.of("1.2.3.4, 203.0.113.5", "10.89.0.3")));
        assertEquals("203.0.113.5", cut.of("127.0.0.1", List.of("203.0.113.5")));
    }

    @Test
    void anUntrustedPeerCannotPretendWithTheHeader() {
        assertEquals("198.51.100.9", trusting("10.0.0.0/8").of("198.51.100.9", List.of("10.0.0.1")));
    }

    @Test
    void garbageInTheHeaderStopsAtTheLastTrustedHop() {
        ClientAddresses cut = trusting("127.0.0.1/32");
        assertEquals("127.0.0.1", cut.of("127.0.0.1", List.of("not-an-address")));
        assertEquals("127.0.0.1", cut.of("127.0.0.1", List.of("evil.example.com")), "never a DNS lookup");
        assertEquals("127.0.0.1", cut.of("127.0.0.1", List.of("")));
        assertEquals("127.0.0.1", cut.of("127.0.0.1", List.of()));
    }

    @Test
    void ipv6IsNormalisedAndMatched() {
        ClientAddresses cut = trusting("::1/128, 2001:db8::/32");
        assertEquals("2001:db9:0:0:0:0:0:1", cut.of("2001:db8::7", List.of("2001:db9::1")));
        assertEquals("0:0:0:0:0:0:0:1", trusting("").of("::1", List.of()));
    }

    @Test
    void anIpv6ClientIsLimitedPerSlash64AndAnIpv4ClientPerAddress() {
        assertEquals(ClientAddresses.limitedBlock("2001:db8:1:2:aaaa::1"), ClientAddresses.limitedBlock("2001:db8:1:2:ffff:1:2:3"));
        assertEquals("2001:db8:1:2::/64", ClientAddresses.limitedBlock("2001:0db8:0001:0002:0:0:0:9"));
        assertNotEquals(ClientAddresses.limitedBlock("2001:db8:1:2::1"), ClientAddresses.limitedBlock("2001:db8:1:3::1"));
        assertEquals("192.0.2.10", ClientAddresses.limitedBlock("192.0.2.10"));
        assertNotEquals(ClientAddresses.limitedBlock("192.0.2.10"), ClientAddresses.limitedBlock("192.0.2.11"));
    }

    @Test
    void aBadProxyListFailsAtStartUp() {
        assertThrows(IllegalArgumentException.class, () -> trusting("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> trusting("proxy.internal"));
        assertTrue(trusting(" , ").of("192.0.2.1", List.of("10.0.0.1")).equals("192.0.2.1"));
    }
}
