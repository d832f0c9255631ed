package dev.authstack.api.keys.control;

/** A stored signing key that this instance's {@code MASTER_KEY} does not open: another master key, or damaged bytes. */
public class UnreadableKeyException extends IllegalStateException {

    public UnreadableKeyException(String kid) {
        super("The signing key " + kid + " in the database cannot be opened with this MASTER_KEY. Every instance must "
                + "have the MASTER_KEY the keys were created with; a lost MASTER_KEY means deleting the rows of "
                + "signing_keys (every token in circulation is refused after that, a new key is created at the next start).");
    }
}
