package dev.authstack.api.keys.control;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An HMAC-SHA256 key derived from {@code MASTER_KEY} for one purpose ({@link MasterKey#keyFor}): it tags what the API
 * hands out and later takes back on its own word (refresh tokens, device tokens), or names a thing without revealing
 * it (the throttle's keys in Redis). A tag made for one purpose proves nothing for another.
 */
public final class PurposeKey {

    private final SecretKeySpec key;

    PurposeKey(byte[] derived) {
        this.key = new SecretKeySpec(derived, "HmacSHA256");
    }

    /** The tag of the parts, in order. Parts of variable length must be framed by the caller, or come last. */
    public byte[] tag(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether {@code presented} is the tag of the parts, compared in constant time. */
    public boolean verifies(byte[] presented, byte[]... parts) {
        return MessageDigest.isEqual(tag(parts), presented);
    }
}
