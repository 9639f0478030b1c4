package dev.policybot.ingest;

import dev.policybot.domain.UserFacingException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The child JVM of {@link HttpFetcherRebindingTest}: fetches each URL given, each with a fresh test policy whose
 * resolver plays the DNS server. {@code rebinding:URL} answers 127.0.0.1 the first time a name is looked up and
 * 127.0.0.2 ever after (DNS rebinding); {@code steady:URL} always answers 127.0.0.1. The JVM itself is started with a
 * hosts file mapping the names to 127.0.0.2, so a client that resolved names by itself would connect there. Prints
 * one {@value #RESULT} line per URL.
 */
final class RebindingFetch {
    static final String RESULT = "RESULT ";

    private RebindingFetch() {}

    public static void main(String[] args) {
        for (String arg : args) {
            boolean rebinding = arg.startsWith("rebinding:");
            String url = arg.substring(arg.indexOf(':') + 1);
            Set<String> seen = ConcurrentHashMap.newKeySet(); // each URL's fetch starts with a fresh DNS server
            OutboundPolicy policy =
                    OutboundPolicy.LOOPBACK_FOR_TESTS.resolvingWith(host -> answer(host, rebinding, seen));
            HttpFetcher fetcher = new HttpFetcher(Duration.ofSeconds(20), 2_000, "PolicyBot/test", policy);
            try {
                byte[] body = fetcher.fetch(url, null).body();
                System.out.println(RESULT + "fetched " + new String(body, StandardCharsets.UTF_8));
            } catch (UserFacingException e) {
                System.out.println(RESULT + "failed " + e.getMessage());
            }
        }
    }

    private static InetAddress[] answer(String host, boolean rebinding, Set<String> seen) throws UnknownHostException {
        boolean first = seen.add(host);
        return InetAddress.getAllByName(first || !rebinding ? "127.0.0.1" : "127.0.0.2");
    }
}
