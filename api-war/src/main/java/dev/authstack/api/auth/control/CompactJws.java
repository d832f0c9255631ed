package dev.authstack.api.auth.control;

/**
 * The strict syntax of a compact JWS (RFC 7515, section 7.1): exactly three segments of base64url (RFC 4648, section
 * 5) separated by dots, no padding, no other character, and each segment in its one canonical encoding, the unused
 * bits of its last character zero. Decoders are lenient about all of these, so without this check one token could be
 * sent as many texts: each a new entry in the verified-token memory, and token identity no longer its text.
 */
final class CompactJws {

    /** Far above any token this API issues; a longer header is refused before any work is done on it. */
    static final int MAX_LENGTH = 4096;

    private CompactJws() {
    }

    static boolean isCanonical(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return false;
        }
        int segments = 0;
        int segmentStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '.') {
                if (!isCanonicalSegment(text, segmentStart, i)) {
                    return false;
                }
                segments++;
                segmentStart = i + 1;
            } else if (sextet(text.charAt(i)) < 0) {
                return false;
            }
        }
        return segments == 3;
    }

    /** A segment of n characters carries 6n bits; the bits past its last whole byte must be zero. */
    private static boolean isCanonicalSegment(String text, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return false;
        }
        int last = sextet(text.charAt(to - 1));
        return switch (length % 4) {
            case 1 -> false; // 6 bits cannot end a byte
            case 2 -> (last & 0b1111) == 0;
            case 3 -> (last & 0b11) == 0;
            default -> true;
        };
    }

    /** The character's value in the base64url alphabet, or -1. */
    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }
}
