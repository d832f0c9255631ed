package dev.authstack.api.keys.control;

import com.nimbusds.jose.jwk.ECKey;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import dev.authstack.it.ForgedTokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeySealTest {

    final KeySeal cut = new KeySeal(MasterKey.of("master-key-for-unit-tests-0123456789"));
    final ECKey key = ForgedTokens.strangerKey();

    @Test
    void opensWhatItSealed() {
        ECKey opened = cut.open(key.getKeyID(), cut.seal(key));
        assertEquals(key, opened);
        assertTrue(opened.isPrivate());
    }

    @Test
    void theSealedFormHoldsNoPartOfTheKeyInClear() {
        String sealed = new String(cut.seal(key), StandardCharsets.ISO_8859_1);
        assertFalse(sealed.contains(key.getD().toString()));
        assertFalse(sealed.contains("\"d\""));
    }

    @Test
    void anotherMasterKeyOpensNothing() {
        byte[] sealed = cut.seal(key);
        KeySeal other = new KeySeal(MasterKey.of("another-master-key-0123456789-abcdef"));
        UnreadableKeyException failure = assertThrows(UnreadableKeyException.class, () -> other.open(key.getKeyID(), sealed));
        assertTrue(failure.getMessage().contains("MASTER_KEY"), failure.getMessage());
    }

    @Test
    void aSealedKeyMovedToAnotherIdDoesNotOpen() {
        assertThrows(UnreadableKeyException.class, () -> cut.open("another-kid", cut.seal(key)));
    }

    @Test
    void damagedOrGarbageBytesDoNotOpen() {
        byte[] sealed = cut.seal(key);
        for (int i = 0; i < sealed.length; i += 7) {
            byte[] damaged = sealed.clone();
            damaged[i] ^= 1;
            assertThrows(UnreadableKeyException.class, () -> cut.open(key.getKeyID(), damaged), "bit flipped at " + i);
        }
        assertThrows(UnreadableKeyException.class, () -> cut.open(key.getKeyID(), new byte[0]));
        assertThrows(UnreadableKeyException.class, () -> cut.open(key.getKeyID(), new byte[12]));
    }
}
