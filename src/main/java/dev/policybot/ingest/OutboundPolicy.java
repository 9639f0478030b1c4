package dev.policybot.ingest;

import dev.policybot.config.Secrets;
import dev.policybot.domain.UserFacingException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs the fetcher may request, checked for the configured URL and again for every redirect hop: https to a
 * global unicast address only ({@link GlobalAddresses}). Private (10/8, 172.16/12, 192.168/16, fc00::/7), loopback,
 * link-local (169.254/16 — cloud metadata lives there — and fe80::/10), carrier-grade NAT, special-purpose,
 * documentation, benchmarking, reserved, multicast and unspecified addresses are refused, also when an IPv6 form
 * carries them (::a.b.c.d, NAT64, 6to4), and so are IPv4 addresses in octal, hex or short form, so a source or a
 * redirect cannot make the bot reach into its own network.
 *
 * <p>{@link #LOOPBACK_FOR_TESTS} is the one exception, and only code can choose it (no configuration key does):
 * it also allows http and https to this machine's loopback address, which tests serve pages from. Private and
 * link-local addresses stay refused even then.
 */
public enum OutboundPolicy {
    /** Production: https to public addresses only. */
    PUBLIC_HTTPS_ONLY(false),
    /** Tests: as above, plus http(s) to 127.0.0.0/8, ::1 and localhost. */
    LOOPBACK_FOR_TESTS(true);

    private final boolean loopbackAllowed;

    OutboundPolicy(boolean loopbackAllowed) {
        this.loopbackAllowed = loopbackAllowed;
    }

    /**
     * @param url a configured URL or a redirect target
     * @return the URL, parsed, when it may be fetched
     * @throws UserFacingException (bad input) naming the URL and why it is refused
     */
    public URI check(String url) {
        URI uri = parse(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        boolean loopbackName = host != null && isLoopbackName(host);
        if (host == null || !(scheme.equals("https") || scheme.equals("http") && loopbackName && loopbackAllowed)) {
            throw UserFacingException.badInput("only https URLs are fetched, not '" + Secrets.redact(url) + "'");
        }
        if (GlobalAddresses.isAmbiguousIpv4(host)) {
            throw UserFacingException.badInput(
                    "'" + Secrets.redact(url) + "' is refused: " + host + " is an IPv4 address"
                            + " written in octal, hexadecimal or short form; only public addresses are fetched, written as"
                            + " four decimal numbers");
        }
        for (InetAddress address : resolve(host)) {
            String refusal = refusal(address);
            if (refusal != null && !(loopbackAllowed && address.isLoopbackAddress())) {
                throw UserFacingException.badInput("'" + Secrets.redact(url) + "' is refused: " + host + " is "
                        + refusal + " address (" + address.getHostAddress() + "); only public addresses are fetched");
            }
        }
        return uri;
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw UserFacingException.badInput(
                    "'" + Secrets.redact(url) + "' is not a valid URL (" + e.getReason() + ")");
        }
    }

    private static boolean isLoopbackName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]");
    }

    /**
     * The addresses the host stands for. A name that does not resolve is let through: the request then fails with
     * "unknown host", which says more than a refusal would.
     */
    private static InetAddress[] resolve(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return InetAddress.getAllByName(literal);
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }

    /** Why an address is not public ("a loopback"), or {@code null} when it is: see {@link GlobalAddresses}. */
    static String refusal(InetAddress address) {
        return GlobalAddresses.refusal(address);
    }
}
