package dev.policybot.ingest;

import dev.policybot.config.Secrets;
import dev.policybot.domain.UserFacingException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
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
 * it also allows http and https to 127.0.0.1, which tests serve pages from — that one loopback address, not the
 * rest of 127.0.0.0/8 or ::1, so tests can stand a refused server on 127.0.0.2. Private and link-local addresses
 * stay refused even then.
 *
 * <p>A host name that does not resolve is refused (fail closed). {@link #addresses} resolves a host once and returns
 * the vetted addresses, so a caller can connect to exactly those ({@link OutboundProxy} does, for Chromium and for
 * {@link HttpFetcher}).
 */
public final class OutboundPolicy {
    /** Production: https to public addresses only. */
    public static final OutboundPolicy PUBLIC_HTTPS_ONLY = new OutboundPolicy(false, InetAddress::getAllByName);
    /** Tests: as above, plus http(s) to 127.0.0.1 (and not to any other loopback address). */
    public static final OutboundPolicy LOOPBACK_FOR_TESTS = new OutboundPolicy(true, InetAddress::getAllByName);

    /** The one loopback address {@link #LOOPBACK_FOR_TESTS} allows. */
    static final String TEST_LOOPBACK = "127.0.0.1";

    /** How a host is looked up: the system's resolver, or a test's (one that answers differently each time). */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean loopbackAllowed;
    private final Resolver resolver;

    private OutboundPolicy(boolean loopbackAllowed, Resolver resolver) {
        this.loopbackAllowed = loopbackAllowed;
        this.resolver = resolver;
    }

    /** The same rules, looking hosts up with {@code resolver}: for tests of DNS rebinding. */
    OutboundPolicy resolvingWith(Resolver resolver) {
        return new OutboundPolicy(loopbackAllowed, resolver);
    }

    /**
     * @param url a configured URL or a redirect target
     * @return the URL, parsed, when it may be fetched
     * @throws UserFacingException naming the URL and why it is refused (bad input), or that its host is unknown
     */
    public URI check(String url) {
        URI uri = parse(url);
        addresses(url, uri);
        return uri;
    }

    /**
     * The addresses a request to {@code url} may connect to: its host resolved once, every address allowed.
     *
     * @throws UserFacingException as {@link #check}
     */
    List<InetAddress> addresses(String url) {
        return addresses(url, parse(url));
    }

    private List<InetAddress> addresses(String url, URI uri) {
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
        List<InetAddress> addresses = resolve(url, host);
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal != null && !(loopbackAllowed && address.getHostAddress().equals(TEST_LOOPBACK))) {
                throw UserFacingException.badInput("'" + Secrets.redact(url) + "' is refused: " + host + " is "
                        + refusal + " address (" + address.getHostAddress() + "); only public addresses are fetched");
            }
        }
        return addresses;
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

    /** The addresses the host stands for; a name that does not resolve is refused, never let through. */
    private List<InetAddress> resolve(String url, String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return List.of(resolver.resolve(literal));
        } catch (UnknownHostException e) {
            throw UserFacingException.failure(Secrets.redact(url) + ": unknown host '" + host + "'", e);
        }
    }

    /** Why an address is not public ("a loopback"), or {@code null} when it is: see {@link GlobalAddresses}. */
    static String refusal(InetAddress address) {
        return GlobalAddresses.refusal(address);
    }
}
