package dev.authstack.api.http.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is on the other end of a request. The socket's peer, unless that peer is a proxy listed in
 * {@code TRUSTED_PROXIES} (CIDRs, comma-separated; empty by default): then {@code X-Forwarded-For} is read from the
 * right, past every trusted proxy, and the first address no proxy of ours vouches for is the client. Anything left of
 * it was written by the client itself and is ignored, so nobody escapes login throttling by sending the header.
 */
@ApplicationScoped
public class ClientAddresses {

    /** Only literal addresses: a name would make a DNS query of every header value. */
    private static final Pattern LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f.]{0,40}:[0-9A-Fa-f:.]{1,44}");

    @Inject
    @ConfigProperty(name = "trusted.proxies", defaultValue = " ")
    String trustedProxies;

    private List<Cidr> trusted;

    @PostConstruct
    void init() {
        trusted = Arrays.stream(trustedProxies.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(Cidr::parse)
                .toList();
    }

    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    String of(String peer, List<String> forwardedFor) {
        String client = normalised(peer).orElse(peer);
        if (!isTrusted(client)) {
            return client;
        }
        String[] hops = String.join(",", forwardedFor).split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<String> hop = normalised(hops[i].strip());
            if (hop.isEmpty()) {
                return client; // garbage where an address should be: the last proxy we trust is all we know
            }
            client = hop.get();
            if (!isTrusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = parsed(address).orElse(null);
        return bytes != null && trusted.stream().anyMatch(cidr -> cidr.contains(bytes));
    }

    /**
     * What a per-address limit counts for a client address: an IPv4 address itself, an IPv6 address its /64, which one
     * subscriber commonly holds whole and can rotate through at will. Anything else is returned as it is.
     */
    public static String limitedBlock(String address) {
        byte[] bytes = parsed(address).orElse(null);
        if (bytes == null || bytes.length != 16) {
            return address;
        }
        return text(Arrays.copyOf(Arrays.copyOf(bytes, 8), 16)) + "/64";
    }

    /** The address in its one text (RFC 5952 for IPv6: {@code ::1}, not {@code 0:0:0:0:0:0:0:1}), or empty if not one. */
    static Optional<String> normalised(String address) {
        return parsed(address).map(ClientAddresses::text);
    }

    /** The address's 4 or 16 bytes, or empty if it is not a literal address (never a DNS query). */
    static Optional<byte[]> parsed(String address) {
        if (address == null || !LITERAL.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * RFC 5952's text of an IPv6 address: groups in lower-case hex without leading zeros, the longest run of two or
     * more zero groups (the first of equals) written {@code ::}. Java writes every group, which people do not read
     * as the address they know. IPv4 in dotted decimal.
     */
    static String text(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (address[2 * i] & 0xff) << 8 | address[2 * i + 1] & 0xff;
        }
        int runStart = -1;
        int runLength = 1;
        for (int i = 0; i < 8; i++) {
            int end = i;
            while (end < 8 && groups[end] == 0) {
                end++;
            }
            if (end - i > runLength) {
                runStart = i;
                runLength = end - i;
            }
            i = Math.max(i, end);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == runStart) {
                text.append("::");
                i += runLength - 1;
            } else {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
        }
        return text.toString();
    }

    /** An address block such as {@code 10.89.0.0/16} or {@code ::1/128}; a bare address is a block of one. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            byte[] address = parsed(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException("TRUSTED_PROXIES: not an address: " + parts[0]));
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("TRUSTED_PROXIES: bad prefix length in " + text);
            }
            return new Cidr(address, prefix);
        }

        boolean contains(byte[] candidate) {
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
