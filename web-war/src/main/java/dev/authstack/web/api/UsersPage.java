package dev.authstack.web.api;

import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import dev.authstack.api.contract.UserView;

/**
 * One page of {@code GET /users}: the users, and the cursor of the next page, read from the answer's
 * {@code Link: <...>; rel="next"} (null on the last page). The cursor is passed back as it came, never read.
 */
public record UsersPage(List<UserView> users, String nextCursor) {

    private static final GenericType<List<UserView>> USERS = new GenericType<>() { };

    /** Reads the answer and closes it. */
    public static UsersPage of(Response answer) {
        try (answer) {
            Link next = answer.getLink("next");
            return new UsersPage(answer.readEntity(USERS), next == null ? null : cursorOf(next.getUri().getRawQuery()));
        }
    }

    static String cursorOf(String query) {
        if (query == null) {
            return null;
        }
        return Arrays.stream(query.split("&"))
                .filter(parameter -> parameter.startsWith("cursor="))
                .map(parameter -> URLDecoder.decode(parameter.substring("cursor=".length()), StandardCharsets.UTF_8))
                .findFirst().orElse(null);
    }
}
