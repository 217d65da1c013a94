package dev.qide.byok;

/** A stored provider key cannot be used; the message says why, never what the key is. */
public class KeyUnavailableException extends RuntimeException {

    private KeyUnavailableException(String message) {
        super(message, null, false, false);
    }

    /** The key does not decrypt here. */
    static KeyUnavailableException cannotOpen(String reason) {
        return new KeyUnavailableException("The stored key cannot be used: " + reason + ". Enter the key again.");
    }

    /** The key's custom endpoint now points into a private network. */
    static KeyUnavailableException privateEndpoint() {
        return new KeyUnavailableException("The key's endpoint now resolves to a private or local address, which"
                + " this server may not call. Change the endpoint address.");
    }
}
