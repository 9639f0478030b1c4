package dev.policybot.ingest;

import dev.policybot.config.Secrets;
import dev.policybot.domain.SourceDocument;
import dev.policybot.domain.UserFacingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one page over https with {@code java.net.http}: one deadline for the whole fetch (connecting, every
 * redirect hop and the full body, so a server that trickles bytes is cut off too), at most {@value #MAX_REDIRECTS}
 * redirects (each hop checked against the {@link OutboundPolicy}), a body-size cap, a User-Agent naming PolicyBot,
 * and conditional requests (ETag / Last-Modified; 304 means unchanged). Every failure is a
 * {@link UserFacingException} whose message names the URL.
 *
 * <p>The client connects only to an {@link OutboundProxy} of this fetch on 127.0.0.1 (CONNECT for https, absolute
 * URIs for http), which resolves each host once, vets every address with the policy and connects to exactly that
 * address: the client never resolves a name itself, so a name that resolves differently after the check (DNS
 * rebinding) reaches no address the policy did not allow.
 */
public final class HttpFetcher {
    static final int MAX_REDIRECTS = 5;

    private final Duration timeout;
    private final long maxBytes;
    private final String userAgent;
    private final OutboundPolicy policy;

    /** What came back: the body with its type, or "not modified". */
    public record Response(
            URI uri, String contentType, byte[] body, boolean notModified, SourceDocument.Validators validators) {}

    /**
     * @param timeout  the deadline of one whole fetch, redirects and body included
     * @param maxBytes larger bodies are refused
     * @param policy   which addresses may be fetched ({@link OutboundPolicy#PUBLIC_HTTPS_ONLY} outside tests)
     */
    public HttpFetcher(Duration timeout, long maxBytes, String userAgent, OutboundPolicy policy) {
        this.policy = policy;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.userAgent = userAgent;
    }

    public Response fetch(String configuredUrl, SourceDocument.Validators known) {
        URI uri = policy.check(configuredUrl);
        String url = Secrets.redact(configuredUrl); // names the source in messages, without its credentials
        long deadline = System.nanoTime() + timeout.toNanos();
        try (OutboundProxy proxy = startProxy(url)) {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .proxy(ProxySelector.of(proxy.socketAddress()))
                    .build();
            return fetch(new Fetch(client, proxy, url, deadline), uri, known);
        }
    }

    /** One fetch, what all its hops share: its client, its proxy, the URL naming the source, the deadline. */
    private record Fetch(HttpClient client, OutboundProxy proxy, String url, long deadline) {}

    private OutboundProxy startProxy(String url) {
        try {
            return OutboundProxy.start(policy, timeout);
        } catch (IOException e) {
            throw UserFacingException.failure(url + ": could not start the outbound proxy the fetch goes through", e);
        }
    }

    private Response fetch(Fetch fetch, URI first, SourceDocument.Validators known) {
        String url = fetch.url();
        URI uri = first;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<byte[]> response = send(fetch, uri, known);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                uri = redirectTarget(url, uri, response);
                continue;
            }
            if (status == 304) {
                return new Response(uri, null, new byte[0], true, known);
            }
            if (status >= 400) {
                throw UserFacingException.failure(
                        url + ": the server answered HTTP " + status
                                + (status == 404 ? " (not found)" : status >= 500 ? " (server error)" : ""),
                        null);
            }
            return new Response(
                    uri,
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.body(),
                    false,
                    new SourceDocument.Validators(header(response, "ETag"), header(response, "Last-Modified")));
        }
        throw UserFacingException.failure(url + ": more than " + MAX_REDIRECTS + " redirects (a redirect loop?)", null);
    }

    /** Sends one request; the whole exchange, body included, must finish before the fetch's deadline. */
    private HttpResponse<byte[]> send(Fetch fetch, URI uri, SourceDocument.Validators known) {
        String url = fetch.url();
        long remaining = fetch.deadline() - System.nanoTime();
        if (remaining <= 0) {
            throw UserFacingException.failure(url + ": no complete answer within " + seconds() + " (timeout)", null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofNanos(remaining))
                .GET()
                .header("User-Agent", userAgent)
                .header(
                        "Accept",
                        "text/html,application/xhtml+xml,text/markdown,text/plain,application/pdf;q=0.9,*/*;q=0.5");
        if (known != null && known.etag() != null) {
            request.header("If-None-Match", known.etag());
        }
        if (known != null && known.lastModified() != null) {
            request.header("If-Modified-Since", known.lastModified());
        }
        int refusedBefore = fetch.proxy().refusals().size();
        CompletableFuture<HttpResponse<byte[]>> future = fetch.client().sendAsync(request.build(), info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return declared > maxBytes ? new CappedBody(-1) : new CappedBody(maxBytes);
        });
        try {
            return future.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw UserFacingException.failure(url + ": no complete answer within " + seconds() + " (timeout)", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw UserFacingException.failure(url + ": interrupted", e);
        } catch (ExecutionException e) {
            throw refusedOr(fetch, refusedBefore, translate(url, uri, e.getCause()));
        }
    }

    /** The proxy's reason when it refused this request (the client only sees a closed connection or a 403). */
    private static UserFacingException refusedOr(Fetch fetch, int refusedBefore, UserFacingException otherwise) {
        List<OutboundProxy.Refusal> refusals = fetch.proxy().refusals();
        if (refusals.size() <= refusedBefore) {
            return otherwise;
        }
        return UserFacingException.failure(
                fetch.url() + ": could not connect: "
                        + refusals.get(refusals.size() - 1).text(),
                otherwise);
    }

    private UserFacingException translate(String url, URI uri, Throwable e) {
        if (e instanceof CappedBody.TooLarge) {
            return UserFacingException.failure(url + ": the page is larger than the " + maxBytes + "-byte limit", e);
        }
        if (e instanceof HttpConnectTimeoutException) {
            return UserFacingException.failure(url + ": could not connect within " + seconds() + " (timeout)", e);
        }
        if (e instanceof HttpTimeoutException) {
            // the same words as the fetch deadline's in send(): which of the two timers fires first is a race
            return UserFacingException.failure(url + ": no complete answer within " + seconds() + " (timeout)", e);
        }
        if (isUnknownHost(e)) {
            return UserFacingException.failure(url + ": unknown host '" + uri.getHost() + "'", e);
        }
        if (e instanceof ConnectException) {
            return UserFacingException.failure(url + ": could not connect (" + describe(e) + ")", e);
        }
        return UserFacingException.failure(url + ": request failed (" + describe(e) + ")", e);
    }

    private static boolean isUnknownHost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private String seconds() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private URI redirectTarget(String url, URI from, HttpResponse<byte[]> response) {
        String location = response.headers()
                .firstValue("Location")
                .orElseThrow(() -> UserFacingException.failure(url + ": redirect without a Location header", null));
        URI target;
        try {
            target = from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw UserFacingException.failure(url + ": redirect to an invalid URL", e);
        }
        try {
            return policy.check(target.toString());
        } catch (UserFacingException refused) {
            throw UserFacingException.failure(url + ": redirect refused: " + refused.getMessage(), null);
        }
    }

    /**
     * The syntax check of a configured URL before any fetch: https, or http to a loopback name (which only
     * {@link OutboundPolicy#LOOPBACK_FOR_TESTS} then fetches). Addresses are checked when fetching.
     */
    static URI checked(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw UserFacingException.badInput("'" + url + "' is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        boolean loopback =
                host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
        if (host == null || !(scheme.equals("https") || scheme.equals("http") && loopback)) {
            throw UserFacingException.badInput("only https URLs are fetched, not '" + url + "'");
        }
        return uri;
    }

    private static String header(HttpResponse<?> response, String name) {
        Optional<String> value = response.headers().firstValue(name);
        return value.filter(v -> !v.isBlank()).orElse(null);
    }
}
