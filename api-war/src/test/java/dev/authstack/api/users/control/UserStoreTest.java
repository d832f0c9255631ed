package dev.authstack.api.users.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserStoreTest {

    @Test
    void aSearchPrefixMatchesItsWildcardsLiterally() {
        assertEquals("ali%", UserStore.likePrefix("ALI"));
        assertEquals("a!%b!_c!!%", UserStore.likePrefix("a%b_c!"));
        assertEquals("%", UserStore.likePrefix(""));
    }
}
