package dev.qide.byok;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every block of IANA's IPv4 and IPv6 special-purpose address registries (and multicast, reserved, deprecated space)
 * is special at its first and last address; the addresses right beside them are public.
 */
class SpecialAddressesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = ';',
            textBlock =
                    """
            0.0.0.0/8            ; this network
            10.0.0.0/8           ; private-use
            100.64.0.0/10        ; shared address space
            127.0.0.0/8          ; loopback
            169.254.0.0/16       ; link-local
            172.16.0.0/12        ; private-use
            192.0.0.0/24         ; IETF protocol assignments
            192.0.2.0/24         ; TEST-NET-1
            192.31.196.0/24      ; AS112-v4
            192.52.193.0/24      ; AMT
            192.88.99.0/24       ; 6to4 relay anycast
            192.168.0.0/16       ; private-use
            192.175.48.0/24      ; AS112 service
            198.18.0.0/15        ; benchmarking
            198.51.100.0/24      ; TEST-NET-2
            203.0.113.0/24       ; TEST-NET-3
            224.0.0.0/4          ; multicast
            240.0.0.0/4          ; reserved|limited broadcast
            255.255.255.255/32   ; limited broadcast
            ::1/128              ; loopback
            ::/128               ; unspecified
            ::/96                ; IPv4-compatible|unspecified
            64:ff9b:1::/48       ; local-use NAT64
            100::/64             ; discard-only
            100:0:0:1::/64       ; dummy prefix
            2001::/32            ; Teredo
            2001:1::1/128        ; PCP anycast
            2001:1::2/128        ; TURN anycast
            2001:1::3/128        ; DNS-SD SRP anycast
            2001:2::/48          ; benchmarking
            2001:3::/32          ; AMT
            2001:4:112::/48      ; AS112-v6
            2001:10::/28         ; ORCHID
            2001:20::/28         ; ORCHIDv2
            2001:30::/28         ; drone remote ID
            2001:100::/24        ; IETF protocol assignments
            2001:db8::/32        ; documentation
            2002::/16            ; 6to4
            2620:4f:8000::/48    ; AS112 service
            3fff::/20            ; documentation
            5f00::/16            ; SRv6
            fc00::/7             ; unique-local
            fe80::/10            ; link-local
            fec0::/10            ; site-local
            ff00::/8             ; multicast
            """)
    void everyRegisteredBlockIsSpecialFromItsFirstToItsLastAddress(String block, String name) {
        byte[][] range = range(block);

        Pattern named = Pattern.compile(name);
        for (byte[] address : range) {
            assertThat(SpecialAddresses.blockOf(address)).as(block).hasValueSatisfying(found -> assertThat(found)
                    .containsPattern(named));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.1.1.1",
                "8.8.8.8",
                "9.255.255.255",
                "11.0.0.0",
                "100.63.255.255",
                "100.128.0.0",
                "126.255.255.255",
                "128.0.0.0",
                "169.253.255.255",
                "169.255.0.0",
                "172.15.255.255",
                "172.32.0.0",
                "192.0.1.0",
                "192.0.3.0",
                "192.167.255.255",
                "192.169.0.0",
                "198.17.255.255",
                "198.20.0.0",
                "223.255.255.255",
                "2606:4700:4700::1111",
                "2001:4860:4860::8888",
                "2001:200::1",
                "2003::1",
                "2620:4f:7fff:ffff:ffff:ffff:ffff:ffff",
                "2620:4f:8001::",
                "3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                "64:ff9b::808:808"
            })
    void publicAddressesAreNot(String address) throws UnknownHostException {
        assertThat(SpecialAddresses.blockOf(InetAddress.getByName(address)))
                .as(address)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} carries {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            64:ff9b::a9fe:a9fe   | link-local (RFC 3927), through NAT64
            64:ff9b::7f00:1      | loopback (RFC 1122), through NAT64
            64:ff9b::6440:1      | shared address space, carrier-grade NAT (RFC 6598), through NAT64
            64:ff9b::a00:1       | private-use (RFC 1918), through NAT64
            ::ffff:a9fe:a9fe     | link-local (RFC 3927), IPv4-mapped
            ::ffff:7f00:1        | loopback (RFC 1122), IPv4-mapped
            ::7f00:1             | IPv4-compatible, deprecated (RFC 4291)
            2002:7f00:1::        | 6to4 (RFC 3056)
            2002:a9fe:a9fe::1    | 6to4 (RFC 3056)
            2001:0:4136:e378:8000:63bf:3fff:fdd2 | Teredo (RFC 4380)
            """)
    void embeddedIpv4FormsOfSpecialAddressesAreSpecial(String address, String block) throws UnknownHostException {
        assertThat(SpecialAddresses.blockOf(v6(address))).contains(block);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:808:808", "64:ff9b::101:101"})
    void embeddedPublicIpv4AddressesReachedThroughTranslationArePublic(String address) throws UnknownHostException {
        assertThat(SpecialAddresses.blockOf(v6(address))).isEmpty();
    }

    /** The 16 bytes as written (InetAddress would turn an IPv4-mapped literal into an IPv4 address). */
    private static byte[] v6(String literal) throws UnknownHostException {
        if (literal.startsWith("::ffff:")) {
            byte[] bytes = new byte[16];
            bytes[10] = (byte) 0xff;
            bytes[11] = (byte) 0xff;
            byte[] v4 = InetAddress.getByName("::" + literal.substring(7)).getAddress();
            System.arraycopy(v4, 12, bytes, 12, 4);
            return bytes;
        }
        return InetAddress.getByName(literal).getAddress();
    }

    /** The first and last address of a CIDR block. */
    private static byte[][] range(String cidr) {
        try {
            String[] parts = cidr.split("/");
            byte[] first = InetAddress.getByName(parts[0]).getAddress();
            int bits = Integer.parseInt(parts[1]);
            int width = first.length * 8;
            BigInteger hostMask = BigInteger.ONE.shiftLeft(width - bits).subtract(BigInteger.ONE);
            BigInteger last = new BigInteger(1, first).or(hostMask);
            return new byte[][] {first, fixed(last.toByteArray(), first.length)};
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] fixed(byte[] bytes, int length) {
        byte[] fixed = new byte[length];
        int copy = Math.min(length, bytes.length);
        System.arraycopy(bytes, bytes.length - copy, fixed, length - copy, copy);
        return Arrays.copyOf(fixed, length);
    }
}
