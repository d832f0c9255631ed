package dev.authstack.web.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class UsersPageTest {

    @Test
    void takesTheCursorFromTheNextPagesQuery() {
        assertEquals("dXNlcnM6NTA", UsersPage.cursorOf("limit=50&q=ali&cursor=dXNlcnM6NTA"));
        assertEquals("dXNlcnM6NTA", UsersPage.cursorOf("cursor=dXNlcnM6NTA&limit=50"));
        assertEquals("a b", UsersPage.cursorOf("q=cursor%3Dx&cursor=a%20b"), "q's text is not a cursor");
        assertNull(UsersPage.cursorOf("limit=50&q=ali"));
        assertNull(UsersPage.cursorOf(null));
    }
}
