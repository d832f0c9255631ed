package dev.authstack.api.revocation.control;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.authstack.api.users.entity.UserSecurityChanged;

/**
 * What travels on the revocation channel, one message per change, as text a person can read with
 * {@code redis-cli SUBSCRIBE auth:revocations}:
 * <ul>
 * <li>{@code token <jti> <until>}: a logout; the token is refused until that epoch second (its expiry plus skew);</li>
 * <li>{@code stamp <user id> <stamp>}: the user's tokens with an older security stamp are refused;</li>
 * <li>{@code deleted <user id>}: all of the user's tokens are refused;</li>
 * <li>{@code settle <user id>}: a change announced for the user did not commit; read its stamp again from the
 * database.</li>
 * </ul>
 * Anyone who can reach Redis can publish here, so {@link #parse} accepts exactly these shapes and nothing else, and
 * no message can make a token valid: stamps only grow from messages; only the database's value may lower one.
 */
sealed interface FeedMessage {

    int MAX_LENGTH = 128;

    record TokenRevoked(String tokenId, long until) implements FeedMessage {
        @Override
        public String text() {
            return "token " + tokenId + " " + until;
        }
    }

    record StampChanged(long userId, long stamp) implements FeedMessage {
        @Override
        public String text() {
            return stamp == UserSecurityChanged.DELETED ? "deleted " + userId : "stamp " + userId + " " + stamp;
        }
    }

    record ChangeRolledBack(long userId) implements FeedMessage {
        @Override
        public String text() {
            return "settle " + userId;
        }
    }

    String text();

    /** Token ids are UUIDs here; anything of this shape fits a Redis key and a message without escaping. */
    Pattern TOKEN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    Pattern SHAPE = Pattern.compile("(token|stamp|deleted|settle) (\\S{1,64})(?: ([0-9]{1,18}))?");

    /** The message, or empty when it is not one of the shapes above. */
    static Optional<FeedMessage> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher shape = SHAPE.matcher(text);
        if (!shape.matches()) {
            return Optional.empty();
        }
        String kind = shape.group(1);
        String subject = shape.group(2);
        String number = shape.group(3);
        if (kind.equals("token")) {
            return TOKEN_ID.matcher(subject).matches() && number != null
                    ? Optional.of(new TokenRevoked(subject, Long.parseLong(number))) : Optional.empty();
        }
        if (!subject.matches("[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        long userId = Long.parseLong(subject);
        return switch (kind) {
            case "stamp" -> number == null ? Optional.empty() : Optional.of(new StampChanged(userId, Long.parseLong(number)));
            case "deleted" -> number == null ? Optional.of(new StampChanged(userId, UserSecurityChanged.DELETED)) : Optional.empty();
            default -> number == null ? Optional.of(new ChangeRolledBack(userId)) : Optional.empty();
        };
    }
}
