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
        assertEquals("2001:db9::1", cut.of("2001:db8::7", List.of("2001:db9::1")));
        assertEquals("::1", trusting("").of("0:0:0:0:0:0:0:1", List.of()));
        assertEquals("2001:db8::1:0:0:1", trusting("").of("2001:0DB8:0000:0000:0001:0000:0000:0001", List.of()),
                "the first of two equal runs of zeros is the one shortened");
        assertEquals("2001:db8:0:1:1:1:1:1", trusting("").of("2001:db8::1:1:1:1:1", List.of()), "never one zero group");
        assertEquals("192.0.2.10", trusting("").of("::ffff:192.0.2.10", List.of()), "an IPv4-mapped address is IPv4");
    }

    /**
     * Generated X-Forwarded-For values behind a trusted proxy: NUL and controls, huge, half-addresses, zone ids, names.
     * Whatever a client writes, the answer is an address in its one text, never an exception, never a name looked up.
     */
    @Test
    void whateverTheHeaderSaysTheClientIsAnAddressInItsOneText() {
        java.util.Random random = new java.util.Random(7239);
        String alphabet = "0123456789abcdefABCDEF:.,%/ \t\u0000\u001f\u00ff-xg[]";
        ClientAddresses cut = trusting("127.0.0.1/32, ::1/128");
        for (int n = 0; n < 20_000; n++) {
            StringBuilder header = new StringBuilder();
            int length = random.nextInt(10) == 0 ? 5_000 : random.nextInt(60);
            for (int i = 0; i < length; i++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String client = cut.of("127.0.0.1", List.of(header.toString()));
            assertEquals(ClientAddresses.normalised(client), java.util.Optional.of(client), "from " + header);
        }
    }

    /** Random addresses, rich in zero groups: each text reads back as the same address, in RFC 5952's form. */
    @Test
    void everyIpv6AddressHasOneShortTextThatReadsBackAsItself() throws Exception {
        java.util.Random random = new java.util.Random(5952);
        for (int n = 0; n < 20_000; n++) {
            byte[] address = new byte[16];
            for (int group = 0; group < 8; group++) {
                if (random.nextInt(3) != 0) {
                    address[2 * group] = (byte) (random.nextInt(3) == 0 ? random.nextInt(256) : 0);
                    address[2 * group + 1] = (byte) random.nextInt(256);
                }
            }
            if (address[10] == (byte) 0xff && address[11] == (byte) 0xff) {
                continue; // IPv4-mapped: Java reads it back as IPv4
            }
            String text = ClientAddresses.text(address);
            assertTrue(text.matches("[0-9a-f:]+") && !text.matches(".*(^|:)0[0-9a-f].*"), "lower case, no leading zero: " + text);
            int longest = longestZeroRun(java.util.HexFormat.of().formatHex(address).replaceAll("(.{4})(?!$)", "$1:")
                    .replaceAll("(^|:)0{1,3}", "$1"));
            String[] sides = text.split("::", -1);
            if (longest < 2) {
                assertEquals(1, sides.length, "no run of two zero groups to shorten: " + text);
            } else {
                assertEquals(2, sides.length, "one '::': " + text);
                assertTrue(longestZeroRun(sides[0]) < longest && longestZeroRun(sides[1]) <= longest,
                        "the '::' stands for the longest run, the first of equals: " + text);
            }
            assertEquals(java.util.HexFormat.of().formatHex(address),
                    java.util.HexFormat.of().formatHex(java.net.InetAddress.getByName(text).getAddress()), text);
            assertTrue(text.length() <= java.net.InetAddress.getByName(text).getHostAddress().length(), text);
        }
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

    /** The most zero groups in a row in a colon-separated text of groups. */
    static int longestZeroRun(String groups) {
        int longest = 0;
        int run = 0;
        for (String group : groups.split(":", -1)) {
            run = group.equals("0") ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
