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

    /** The key's custom endpoint's name does not resolve now, so where it leads cannot be checked. */
    static KeyUnavailableException unresolvableEndpoint(String host) {
        return new KeyUnavailableException("The key's endpoint name " + host + " does not resolve now, so this server"
                + " cannot check where it leads. Check the name, or change the endpoint address.");
    }

    /** The stored endpoint address is not a URL with a host (it was not saved through the checks). */
    static KeyUnavailableException unreadableEndpoint() {
        return new KeyUnavailableException("The key's endpoint address cannot be read. Change the endpoint address.");
    }

    /** A key for a catalog provider that has an endpoint address of its own: only custom endpoints take one. */
    static KeyUnavailableException endpointNotAllowed(String provider) {
        return new KeyUnavailableException("Only custom endpoint keys may have their own address, and this " + provider
                + " key has one. Save the key again with the address empty, or add it as a custom endpoint.");
    }
}
