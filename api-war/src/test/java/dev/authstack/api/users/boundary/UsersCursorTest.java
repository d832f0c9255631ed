package dev.authstack.api.users.boundary;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.authstack.api.problems.entity.InvalidQueryException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsersCursorTest {

    @Test
    void readsBackTheIdItWasMadeOf() {
        for (long id : new long[] {1, 50, 999_999_999_999_999_999L}) {
            assertEquals(id, UsersCursor.lastId(UsersCursor.of(id)));
            assertTrue(UsersCursor.of(id).matches(UsersCursor.PATTERN), UsersCursor.of(id));
        }
        assertNull(UsersCursor.lastId(null));
    }

    @Test
    void refusesWhatItDidNotWriteNamingTheParameter() {
        for (String cursor : List.of("", "41", "!!!", "a".repeat(41), encoded("users:0"), encoded("users:-1"),
                encoded("users:01"), encoded("users:1 "), encoded("events:41"), encoded("users:" + "9".repeat(19)), "dXNlcnM6N")) {
            InvalidQueryException refused = assertThrows(InvalidQueryException.class, () -> UsersCursor.lastId(cursor), cursor);
            assertTrue(refused.getMessage().startsWith("cursor: "), refused.getMessage());
            assertEquals(400, refused.status());
        }
    }

    private static String encoded(String content) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(content.getBytes(StandardCharsets.UTF_8));
    }
}
