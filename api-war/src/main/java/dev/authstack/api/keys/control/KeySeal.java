package dev.authstack.api.keys.control;

import com.nimbusds.jose.jwk.ECKey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.ParseException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a private key for the database and opens it again: AES-256-GCM under a key derived from {@link MasterKey},
 * a fresh 96-bit nonce each time, and the key id as associated data, so a sealed key copied to another row does not
 * open. The layout is {@code nonce || ciphertext+tag}.
 */
public final class KeySeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public KeySeal(MasterKey masterKey) {
        this.key = new SecretKeySpec(masterKey.derive("signing keys at rest"), "AES");
    }

    public byte[] seal(ECKey privateKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, privateKey.getKeyID());
            byte[] sealed = cipher.doFinal(privateKey.toJSONString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The private key, or {@link UnreadableKeyException} when the bytes were not sealed by this master key for this id. */
    public ECKey open(String kid, byte[] sealed) {
        if (sealed.length <= NONCE_BYTES) {
            throw new UnreadableKeyException(kid);
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(sealed, NONCE_BYTES), kid);
            byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            ECKey opened = ECKey.parse(new String(plain, StandardCharsets.UTF_8));
            if (!opened.isPrivate() || !kid.equals(opened.getKeyID())) {
                throw new UnreadableKeyException(kid);
            }
            return opened;
        } catch (GeneralSecurityException | ParseException e) {
            throw new UnreadableKeyException(kid);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String kid) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
