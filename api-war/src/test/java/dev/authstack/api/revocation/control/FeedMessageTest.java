package dev.authstack.api.revocation.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import dev.authstack.api.users.entity.UserSecurityChanged;
import dev.authstack.it.Garbage;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeedMessageTest {

    @Test
    void everyMessageReadsBackAsItself() {
        for (FeedMessage message : new FeedMessage[] {
                new FeedMessage.TokenRevoked("0f8e2c4a-8f3e-4c55-9d1e-2b7f5a9c1d3e", 1_800_000_000L),
                new FeedMessage.StampChanged(42, 7),
                new FeedMessage.StampChanged(42, UserSecurityChanged.DELETED),
                new FeedMessage.ChangeRolledBack(42)}) {
            assertEquals(Optional.of(message), FeedMessage.parse(message.text()), message.text());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "x y", "x", "token", "token abc", "token abc notanumber", "token abc 1 extra",
            "token  123", "token a\u0000b 1", "token abc -1", "stamp 1", "stamp x 5", "stamp 1 -5", "stamp 0 1", "stamp 01 1",
            "stamp 1 99999999999999999999999", "deleted", "deleted abc", "deleted 1 2", "settle -1", "settle 1 2",
            "unknown 1 2", "\u0000\u0001\u0002", "TOKEN abc 1", "token abc 1 ", " token abc 1", "token abc\t1"})
    void refusesWhatIsNotExactlyOneOfTheShapes(String text) {
        assertEquals(Optional.empty(), FeedMessage.parse(text));
    }

    @Test
    void refusesAHugeMessageWithoutLookingAtIt() {
        assertEquals(Optional.empty(), FeedMessage.parse("token " + "a".repeat(1_000_000) + " 1"));
    }

    @Test
    void neverThrowsAndOnlyAcceptsWhatItWouldWrite() {
        Garbage.seeded().forAll(5000, text -> FeedMessage.parse(text).ifPresent(parsed -> assertEquals(text, parsed.text())));
    }

    @Test
    void neverThrowsOnNearMisses() {
        Garbage garbage = Garbage.seeded();
        String[] kinds = {"token", "stamp", "deleted", "settle", ""};
        for (int i = 0; i < 5000; i++) {
            String number = String.valueOf(Math.abs(garbage.next().hashCode() % 100_000) - 50);
            String text = kinds[i % kinds.length] + " " + (i % 3 == 0 ? number : garbage.next()) + " " + (i % 2 == 0 ? number : garbage.next());
            FeedMessage.parse(text).ifPresent(parsed -> assertEquals(text, parsed.text()));
        }
    }
}
