package dev.policybot.ingest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Which addresses are global unicast, the only ones the fetcher may reach. IPv4 addresses that IPv6 forms carry
 * (IPv4-mapped and -compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are
 * decoded and judged as IPv4; IPv6 must be in {@code 2000::/3} and not documentation or a Teredo tunnel.
 */
final class GlobalAddresses {
    /** A host whose last label is a number is an IPv4 address to a browser, whatever its base (WHATWG URL). */
    private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(?i)(?:^|.*\\.)(?:0x[0-9a-f]*|[0-9]+)\\.?");

    private static final Pattern DOTTED_DECIMAL = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    private GlobalAddresses() {}

    /**
     * Whether a host name is an IPv4 address in a form other than four plain decimal numbers ({@code 0177.0.0.1},
     * {@code 0x7f000001}, {@code 2130706433}, {@code 127.1}): Java and browsers read those differently, so they are
     * refused rather than guessed.
     */
    static boolean isAmbiguousIpv4(String host) {
        return !host.startsWith("[")
                && NUMERIC_LAST_LABEL.matcher(host).matches()
                && !DOTTED_DECIMAL.matcher(host).matches();
    }

    /** Why an address is not global unicast ("a loopback"), or {@code null} when it is. */
    static String refusal(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] embedded = embeddedIpv4(address.getAddress());
            return embedded != null ? ipv4Refusal(embedded) : ipv6Refusal(address);
        }
        return ipv4Refusal(address.getAddress());
    }

    private static String ipv4Refusal(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 127) {
            return "a loopback";
        }
        if (a0 == 169 && a1 == 254) {
            return "a link-local";
        }
        if (a0 == 10 || a0 == 172 && (a1 & 0xf0) == 16 || a0 == 192 && a1 == 168) {
            return "a private";
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return "a carrier-grade NAT";
        }
        if (a0 == 0) {
            return "a non-routable";
        }
        if (a0 == 192 && a1 == 0 && a2 == 0) {
            return "a special-purpose";
        }
        if (a0 == 192 && a1 == 0 && a2 == 2
                || a0 == 198 && a1 == 51 && a2 == 100
                || a0 == 203 && a1 == 0 && a2 == 113) {
            return "a documentation";
        }
        if (a0 == 198 && (a1 & 0xfe) == 18) {
            return "a benchmarking";
        }
        if (a0 >= 224 && a0 < 240) {
            return "a multicast";
        }
        if (a0 >= 240) {
            return "a reserved";
        }
        return null;
    }

    private static String ipv6Refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address.isLoopbackAddress()) {
            return "a loopback";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local";
        }
        if ((b[0] & 0xfe) == 0xfc || address.isSiteLocalAddress()) {
            return "a private";
        }
        if (address.isAnyLocalAddress()) {
            return "a non-routable";
        }
        if (address.isMulticastAddress()) {
            return "a multicast";
        }
        if ((b[0] & 0xe0) != 0x20) {
            return "a non-global";
        }
        if (startsWith(b, 0x20, 0x01, 0x0d, 0xb8)) {
            return "a documentation";
        }
        if (startsWith(b, 0x20, 0x01, 0x00, 0x00)) {
            return "a Teredo tunnel";
        }
        return null;
    }

    /** The IPv4 address in {@code ::a.b.c.d}, {@code ::ffff:a.b.c.d}, {@code 64:ff9b::a.b.c.d} or {@code 2002:AABB:CCDD::}. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeroHead = Arrays.equals(b, 0, 10, new byte[10], 0, 10);
        boolean compatible = zeroHead
                && (b[10] == 0 && b[11] == 0 || (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff)
                && !Arrays.equals(b, 0, 15, new byte[15], 0, 15); // :: and ::1 are not IPv4
        boolean nat64 = startsWith(b, 0x00, 0x64, 0xff, 0x9b) && Arrays.equals(b, 4, 12, new byte[8], 0, 8);
        if (compatible || nat64) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (startsWith(b, 0x20, 0x02)) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
