package dev.authstack.api.users.boundary;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import dev.authstack.api.problems.entity.InvalidQueryException;

/**
 * The {@code cursor} of {@code GET /users}: the id a page ends at, in a form clients pass back and do not read
 * (base64url of {@code users:<id>}), so that the key it stands for can change without breaking them. Anything that is
 * not one this API wrote is a 400 naming the parameter.
 */
final class UsersCursor {

    static final String PATTERN = "[A-Za-z0-9_-]{1,40}";
    static final int MAX_LENGTH = 40;
    private static final Pattern SHAPE = Pattern.compile(PATTERN);
    private static final Pattern CONTENT = Pattern.compile("users:[1-9][0-9]{0,17}");
    private static final String PREFIX = "users:";

    private UsersCursor() {
    }

    static String of(long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + lastId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The id the page ends at; null for no cursor. */
    static Long lastId(String cursor) {
        if (cursor == null) {
            return null;
        }
        if (!SHAPE.matcher(cursor).matches()) {
            throw invalid();
        }
        String content;
        try {
            content = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!CONTENT.matcher(content).matches()) {
            throw invalid();
        }
        return Long.valueOf(content.substring(PREFIX.length()));
    }

    private static InvalidQueryException invalid() {
        return new InvalidQueryException("cursor", "must be a cursor from this API's Link header");
    }
}
