package dev.qide.byok;

import dev.qide.web.FormErrors;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks a custom endpoint's base URL: http(s), a host, no credentials, query or fragment; and, unless private
 * endpoints are allowed (a local install calling Ollama), no loopback, private or link-local address, so that a key
 * cannot be used to make the server call into its own network.
 */
final class EndpointAddresses {

    private EndpointAddresses() {}

    /** The URL without a trailing slash, or a message in {@code errors} under {@code field}. */
    static String check(String url, boolean allowPrivate, FormErrors errors, String field) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            errors.add(field, "Enter the endpoint's address, such as https://llm.example.com/v1.");
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            errors.add(field, "Enter an http:// or https:// address, such as https://llm.example.com/v1.");
            return null;
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            errors.add(
                    field, "Leave credentials, query and fragment out of the address; the key goes in its own field.");
            return null;
        }
        if (!allowPrivate && isPrivate(uri.getHost())) {
            errors.add(
                    field, "This server may not call private or local addresses. Use the endpoint's public address.");
            return null;
        }
        return uri.toString().replaceAll("/+$", "");
    }

    /** Whether {@code url}'s host resolves, now, to a private or local address. */
    static boolean pointsIntoPrivateNetwork(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null || isPrivate(host);
        } catch (URISyntaxException e) {
            return true;
        }
    }

    private static boolean isPrivate(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress()
                        || address.isSiteLocalAddress()
                        || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress()
                        || address.isMulticastAddress()
                        || isUniqueLocalV6(address)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isUniqueLocalV6(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
