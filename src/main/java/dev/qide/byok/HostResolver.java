package dev.qide.byok;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Looks up the addresses of a custom endpoint's host name. The one place names are resolved for a call: the address
 * it returns is checked and then connected to as it is, so a second lookup cannot send the call elsewhere.
 */
public interface HostResolver {

    /**
     * Every address {@code host} resolves to now, in the order to try them.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
