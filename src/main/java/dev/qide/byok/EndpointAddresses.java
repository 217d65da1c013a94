package dev.qide.byok;

import dev.qide.web.FormErrors;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a custom endpoint's base URL: http(s), a host, no credentials, query or fragment; and, unless private
 * endpoints are allowed (a local install calling Ollama), that its host resolves and every address it resolves to is
 * public ({@link SpecialAddresses}), so that a key cannot make the server call into its own network. At each call
 * the name is resolved once more and checked, and the call is made to that very address ({@link #addressToCall}).
 */
@ApplicationScoped
public class EndpointAddresses {

    private final HostResolver resolver;
    private final boolean allowPrivate;

    @Inject
    EndpointAddresses(HostResolver resolver, ByokConfig config) {
        this(resolver, config.allowPrivateEndpoints());
    }

    EndpointAddresses(HostResolver resolver, boolean allowPrivate) {
        this.resolver = resolver;
        this.allowPrivate = allowPrivate;
    }

    /** The URL without a trailing slash, or null with a message in {@code errors} under {@code field}. */
    String check(String url, FormErrors errors, String field) {
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
        if (!allowPrivate) {
            List<InetAddress> addresses;
            try {
                addresses = addressesOf(uri.getHost());
            } catch (UnknownHostException e) {
                errors.add(
                        field,
                        "The name " + hostName(uri.getHost()) + " does not resolve, so this server cannot check where"
                                + " it leads. Enter an address whose name resolves to a public IP address.");
                return null;
            }
            if (firstSpecial(uri.getHost(), addresses).isPresent()) {
                errors.add(
                        field,
                        "This server may not call private or local addresses. Use the endpoint's public address.");
                return null;
            }
        }
        return uri.toString().replaceAll("/+$", "");
    }

    /**
     * The address to call {@code url}'s host at: its name resolved now, checked, and to be connected to as it is, so
     * that no later lookup (DNS rebinding) can lead the call elsewhere. Null when private endpoints are allowed: the
     * HTTP client then resolves the name itself.
     *
     * @throws KeyUnavailableException when the name does not resolve or leads to a private or local address
     */
    InetAddress addressToCall(String url) {
        if (allowPrivate) {
            return null;
        }
        String host;
        try {
            host = new URI(url).getHost();
        } catch (URISyntaxException e) {
            host = null;
        }
        if (host == null) {
            throw KeyUnavailableException.unreadableEndpoint();
        }
        List<InetAddress> addresses;
        try {
            addresses = addressesOf(host);
        } catch (UnknownHostException e) {
            throw KeyUnavailableException.unresolvableEndpoint(hostName(host));
        }
        if (firstSpecial(host, addresses).isPresent()) {
            throw KeyUnavailableException.privateEndpoint();
        }
        return addresses.getFirst();
    }

    /** An IP literal is its own address (no lookup); a name is resolved. Never empty. */
    private List<InetAddress> addressesOf(String host) throws UnknownHostException {
        String name = hostName(host);
        List<InetAddress> addresses =
                isLiteral(name) ? List.of(InetAddress.getAllByName(name)) : resolver.resolve(name);
        if (addresses.isEmpty()) {
            throw new UnknownHostException(name);
        }
        return addresses;
    }

    private static Optional<InetAddress> firstSpecial(String host, List<InetAddress> addresses) {
        for (InetAddress address : addresses) {
            Optional<String> block = SpecialAddresses.blockOf(address);
            if (block.isPresent()) {
                Log.infof(
                        "Refused custom endpoint host %s: it resolves to %s, %s",
                        host, address.getHostAddress(), block.get());
                return Optional.of(address);
            }
        }
        return Optional.empty();
    }

    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    /** The host without an IPv6 literal's brackets. */
    private static String hostName(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
