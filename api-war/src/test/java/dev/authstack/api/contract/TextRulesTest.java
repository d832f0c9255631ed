package dev.authstack.api.contract;

import org.junit.jupiter.api.Test;

import dev.authstack.it.Garbage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextRulesTest {

    @Test
    void plainTextRefusesControlsAndUnpairedSurrogates() {
        for (String bad : new String[] {"\u0000", "a\u0001", "\t", "\n", "\u007f", "\u0085", "\u009f", "\ud800", "x\udc00", "\ud800x"}) {
            assertFalse(PlainText.Validator.isPlain(bad), Garbage.escaped(bad));
        }
        for (String good : new String[] {"", "alice", "Grüße", "p\ud83d\udd11ss", "日本語", "a b"}) {
            assertTrue(PlainText.Validator.isPlain(good), good);
        }
    }

    @Test
    void plainTextAgreesWithACodePointReading() {
        Garbage.seeded().forAll(3000, text -> assertEquals(text.codePoints().noneMatch(c -> Character.isISOControl(c)
                || (c >= 0xd800 && c <= 0xdfff)), PlainText.Validator.isPlain(text)));
    }

    @Test
    void commonPasswordsAreRefusedRegardlessOfCase() {
        for (String common : new String[] {"admin123", "password1", "Password1", "qwerty123", "changeme"}) {
            assertTrue(UncommonPassword.Validator.isCommon(common), common);
        }
        for (String uncommon : new String[] {"correct-horse", "original-password", "a long passphrase of your own"}) {
            assertFalse(UncommonPassword.Validator.isCommon(uncommon), uncommon);
        }
    }
}
