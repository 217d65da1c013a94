package dev.qide.byok;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses are not plain public internet hosts: every block of IANA's IPv4 and IPv6 Special-Purpose Address
 * Registries (iana.org/assignments/iana-ipv4-special-registry, iana-ipv6-special-registry, as of 2025), plus
 * multicast, reserved and deprecated space from the IPv4/IPv6 address space registries. The whole registries are
 * refused, also the few blocks marked globally reachable (AS112, AMT, anycast services): no LLM endpoint lives there.
 *
 * <p>Addresses that carry an IPv4 address are judged by it where that address is what is reached: IPv4-mapped
 * ({@code ::ffff:0:0/96}) and the NAT64 well-known prefix ({@code 64:ff9b::/96}, which DNS64 networks answer for every
 * IPv4-only name). The other embedding forms (6to4, Teredo, IPv4-compatible, local-use NAT64) are refused whole.
 */
final class SpecialAddresses {

    private static final List<Block> IPV4 = List.of(
            Block.of("0.0.0.0/8", "\"this network\" (RFC 791)"),
            Block.of("10.0.0.0/8", "private-use (RFC 1918)"),
            Block.of("100.64.0.0/10", "shared address space, carrier-grade NAT (RFC 6598)"),
            Block.of("127.0.0.0/8", "loopback (RFC 1122)"),
            Block.of("169.254.0.0/16", "link-local (RFC 3927)"),
            Block.of("172.16.0.0/12", "private-use (RFC 1918)"),
            Block.of("192.0.0.0/24", "IETF protocol assignments (RFC 6890)"),
            Block.of("192.0.2.0/24", "documentation, TEST-NET-1 (RFC 5737)"),
            Block.of("192.31.196.0/24", "AS112-v4 (RFC 7535)"),
            Block.of("192.52.193.0/24", "AMT (RFC 7450)"),
            Block.of("192.88.99.0/24", "deprecated 6to4 relay anycast (RFC 7526)"),
            Block.of("192.168.0.0/16", "private-use (RFC 1918)"),
            Block.of("192.175.48.0/24", "direct delegation AS112 service (RFC 7534)"),
            Block.of("198.18.0.0/15", "benchmarking (RFC 2544)"),
            Block.of("198.51.100.0/24", "documentation, TEST-NET-2 (RFC 5737)"),
            Block.of("203.0.113.0/24", "documentation, TEST-NET-3 (RFC 5737)"),
            Block.of("224.0.0.0/4", "multicast (RFC 5771)"),
            Block.of("255.255.255.255/32", "limited broadcast (RFC 919)"),
            Block.of("240.0.0.0/4", "reserved (RFC 1112)"));

    /** Judged by the IPv4 address they carry. */
    private static final Block IPV4_MAPPED = Block.of("::ffff:0:0/96", "IPv4-mapped (RFC 4291)");

    private static final Block NAT64_WELL_KNOWN = Block.of("64:ff9b::/96", "NAT64 (RFC 6052)");

    private static final List<Block> IPV6 = List.of(
            Block.of("::1/128", "loopback (RFC 4291)"),
            Block.of("::/128", "unspecified (RFC 4291)"),
            Block.of("::/96", "IPv4-compatible, deprecated (RFC 4291)"),
            Block.of("64:ff9b:1::/48", "local-use NAT64 (RFC 8215)"),
            Block.of("100::/64", "discard-only (RFC 6666)"),
            Block.of("100:0:0:1::/64", "dummy prefix (RFC 9780)"),
            Block.of("2001::/32", "Teredo (RFC 4380)"),
            Block.of("2001:1::1/128", "PCP anycast (RFC 7723)"),
            Block.of("2001:1::2/128", "TURN anycast (RFC 8155)"),
            Block.of("2001:1::3/128", "DNS-SD SRP anycast (RFC 9665)"),
            Block.of("2001:2::/48", "benchmarking (RFC 5180)"),
            Block.of("2001:3::/32", "AMT (RFC 7450)"),
            Block.of("2001:4:112::/48", "AS112-v6 (RFC 7535)"),
            Block.of("2001:10::/28", "ORCHID, deprecated (RFC 4843)"),
            Block.of("2001:20::/28", "ORCHIDv2 (RFC 7343)"),
            Block.of("2001:30::/28", "drone remote ID entity tags (RFC 9374)"),
            Block.of("2001::/23", "IETF protocol assignments (RFC 2928)"),
            Block.of("2001:db8::/32", "documentation (RFC 3849)"),
            Block.of("2002::/16", "6to4 (RFC 3056)"),
            Block.of("2620:4f:8000::/48", "direct delegation AS112 service (RFC 7534)"),
            Block.of("3fff::/20", "documentation (RFC 9637)"),
            Block.of("5f00::/16", "SRv6 SIDs (RFC 9602)"),
            Block.of("fc00::/7", "unique-local (RFC 4193)"),
            Block.of("fe80::/10", "link-local (RFC 4291)"),
            Block.of("fec0::/10", "site-local, deprecated (RFC 3879)"),
            Block.of("ff00::/8", "multicast (RFC 4291)"));

    /** Everything outside it is reserved or special in IANA's IPv6 address space registry. */
    private static final Block GLOBAL_UNICAST = Block.of("2000::/3", "global unicast");

    private SpecialAddresses() {}

    /** The special-purpose block {@code address} is in, as a short description; empty for a public address. */
    static Optional<String> blockOf(InetAddress address) {
        return blockOf(address.getAddress());
    }

    /** The same for an address's bytes (4 or 16, network order). */
    static Optional<String> blockOf(byte[] address) {
        if (address.length == 4) {
            return find(IPV4, address);
        }
        if (IPV4_MAPPED.contains(address)) {
            return blockOf(Arrays.copyOfRange(address, 12, 16)).map(block -> block + ", IPv4-mapped");
        }
        if (NAT64_WELL_KNOWN.contains(address)) {
            return blockOf(Arrays.copyOfRange(address, 12, 16)).map(block -> block + ", through NAT64");
        }
        Optional<String> block = find(IPV6, address);
        if (block.isEmpty() && !GLOBAL_UNICAST.contains(address)) {
            return Optional.of("reserved IPv6 space outside 2000::/3");
        }
        return block;
    }

    private static Optional<String> find(List<Block> blocks, byte[] address) {
        return blocks.stream()
                .filter(block -> block.contains(address))
                .map(Block::name)
                .findFirst();
    }

    /** An address block: the first {@code bits} bits of {@code prefix}. */
    private record Block(byte[] prefix, int bits, String name) {

        static Block of(String cidr, String name) {
            int slash = cidr.indexOf('/');
            String literal = cidr.substring(0, slash);
            byte[] prefix = literal.contains(":") ? ipv6(literal) : ipv4(literal);
            return new Block(prefix, Integer.parseInt(cidr.substring(slash + 1)), name);
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(address, 0, whole, prefix, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
        }

        private static byte[] ipv4(String literal) {
            String[] parts = literal.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                bytes[i] = (byte) Integer.parseInt(parts[i]);
            }
            return bytes;
        }

        /** Parsed by hand: InetAddress would turn {@code ::ffff:0:0} into an IPv4 address. */
        private static byte[] ipv6(String literal) {
            String[] halves = literal.split("::", -1);
            String[] head = groups(halves[0]);
            String[] tail = halves.length > 1 ? groups(halves[1]) : new String[0];
            byte[] bytes = new byte[16];
            for (int i = 0; i < head.length; i++) {
                put(bytes, i, head[i]);
            }
            for (int i = 0; i < tail.length; i++) {
                put(bytes, 8 - tail.length + i, tail[i]);
            }
            return bytes;
        }

        private static String[] groups(String part) {
            return part.isEmpty() ? new String[0] : part.split(":");
        }

        private static void put(byte[] bytes, int group, String hex) {
            int value = Integer.parseInt(hex, 16);
            bytes[2 * group] = (byte) (value >> 8);
            bytes[2 * group + 1] = (byte) value;
        }
    }
}
