package dev.policybot.ingest;

import dev.policybot.config.Secrets;
import dev.policybot.domain.UserFacingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A filtering HTTP proxy on 127.0.0.1 for one Chromium render or one {@link HttpFetcher} fetch, so the browser
 * and the Java client reach only what the {@link OutboundPolicy} allows, subresources and redirects included. Each request names a host ({@code CONNECT
 * host:port} for https, an absolute {@code http://} URI otherwise); the proxy resolves it once, vets every address
 * with the policy, and connects to exactly a vetted address, so a name cannot resolve differently between the check
 * and the connection. Anything else is refused: a CONNECT gets 403, a plain request a closed connection (never a
 * page Chromium could render as the policy). Refusals are kept, so the renderer and the fetcher can say why a page failed.
 */
final class OutboundProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundProxy.class);
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final OutboundPolicy policy;
    private final int connectTimeoutMillis;
    private final ServerSocket server;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "outbound-proxy-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();

    /**
     * A refused request: the (redacted) URL and why. {@code navigation} is known for plain http only (Chromium's
     * {@code Sec-Fetch-Mode: navigate}); a CONNECT does not say what it is for.
     */
    record Refusal(String text, boolean navigation) {}

    private final String startUrl;
    private volatile String startTarget;

    private OutboundProxy(OutboundPolicy policy, Duration connectTimeout, ServerSocket server) {
        this.policy = policy;
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis()));
        this.server = server;
        this.startUrl = "http://127.0.0.1:" + server.getLocalPort() + "/start-" + UUID.randomUUID();
    }

    /** Listens on an ephemeral port of 127.0.0.1 until closed. */
    static OutboundProxy start(OutboundPolicy policy) throws IOException {
        return start(policy, CONNECT_TIMEOUT);
    }

    /** As above, giving up connecting to an address after {@code connectTimeout}. */
    static OutboundProxy start(OutboundPolicy policy, Duration connectTimeout) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        OutboundProxy proxy = new OutboundProxy(policy, connectTimeout, server);
        proxy.workers.execute(proxy::acceptLoop);
        return proxy;
    }

    /**
     * A URL for Chromium's command line that this proxy answers with a redirect to {@code url}, so the page's URL
     * (with any credentials or secret query it carries) never shows in the process list. The redirect target is
     * vetted like any other request.
     *
     * @param url a URL the policy allowed (so it holds no line breaks)
     */
    String startUrl(String url) {
        startTarget = url;
        return startUrl;
    }

    /** For {@code --proxy-server}. */
    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** For {@code HttpClient.Builder.proxy}. */
    InetSocketAddress socketAddress() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** Why requests were refused, in order, each naming the (redacted) URL and the reason. */
    List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing the outbound proxy's socket failed", e);
        }
        open.forEach(OutboundProxy::closeQuietly);
        workers.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                workers.execute(() -> serve(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.debug("the outbound proxy stopped accepting", e);
                }
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String[] requestLine = head.get(0).split(" ");
            if (requestLine.length != 3) {
                refuse("a malformed request", "it is not HTTP", false);
                return;
            }
            if (requestLine[0].equalsIgnoreCase("CONNECT")) {
                tunnel(client, requestLine[1]);
            } else {
                forward(client, requestLine, head.subList(1, head.size()));
            }
        } catch (IOException e) {
            LOG.debug("an outbound proxy connection ended", e);
        } finally {
            open.remove(client);
        }
    }

    /** {@code CONNECT host:port}: vetted like an https URL to that host and port, then bytes pass both ways. */
    private void tunnel(Socket client, String authority) throws IOException {
        Socket upstream = connect("https://" + authority + "/", 443, false);
        OutputStream out = client.getOutputStream();
        if (upstream == null) {
            out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return;
        }
        try (upstream) {
            out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            relay(client, upstream);
        }
    }

    /** A plain request with an absolute URI: sent on in origin form, one request per connection. */
    private void forward(Socket client, String[] requestLine, List<String> headers) throws IOException {
        boolean navigation = headers.stream()
                .anyMatch(h -> h.toLowerCase(Locale.ROOT).replace(" ", "").equals("sec-fetch-mode:navigate"));
        if (requestLine[1].equals(startUrl) && startTarget != null) {
            client.getOutputStream()
                    .write(("HTTP/1.1 302 Found\r\nLocation: " + startTarget
                                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        URI uri = parse(requestLine[1], navigation);
        Socket upstream = uri == null ? null : connect(requestLine[1], 80, navigation);
        if (upstream == null) {
            return; // closing the connection fails the request in Chromium; a 403 page would be rendered as the page
        }
        try (upstream) {
            StringBuilder head = new StringBuilder()
                    .append(requestLine[0])
                    .append(' ')
                    .append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    .append(' ')
                    .append(requestLine[2])
                    .append("\r\n");
            for (String header : headers) {
                String name = header.substring(0, Math.max(0, header.indexOf(':')))
                        .trim()
                        .toLowerCase(Locale.ROOT);
                if (!List.of("proxy-connection", "proxy-authorization", "connection", "keep-alive")
                        .contains(name)) {
                    head.append(header).append("\r\n");
                }
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = upstream.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            relay(client, upstream);
        }
    }

    /**
     * Resolves the URL's host once and connects to the first vetted address that answers; {@code null} (the refusal
     * recorded) when the policy refuses the URL, its host does not resolve, or no vetted address answers.
     */
    private Socket connect(String url, int defaultPort, boolean navigation) {
        URI uri = parse(url, navigation);
        if (uri == null) {
            return null;
        }
        int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        List<InetAddress> addresses;
        try {
            addresses = policy.addresses(url);
        } catch (UserFacingException refused) {
            refusals.add(new Refusal(refused.getMessage(), navigation));
            LOG.debug("outbound proxy refused {}", refused.getMessage());
            return null;
        }
        for (InetAddress address : addresses) {
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(address, port), connectTimeoutMillis);
                open.add(upstream);
                return upstream;
            } catch (IOException e) {
                closeQuietly(upstream);
                LOG.debug("outbound proxy could not connect to {} port {}", address.getHostAddress(), port);
            }
        }
        String unreachable = "'" + Secrets.redact(url) + "' could not be reached: no address of its host answered";
        refusals.add(new Refusal(unreachable, navigation));
        LOG.debug("outbound proxy: {}", unreachable);
        return null;
    }

    private void refuse(String url, String why, boolean navigation) {
        String refusal = "'" + Secrets.redact(url) + "' is refused: " + why;
        refusals.add(new Refusal(refusal, navigation));
        LOG.debug("outbound proxy refused {}", refusal);
    }

    /** Copies bytes both ways until either side closes, then closes both. */
    private void relay(Socket client, Socket upstream) throws IOException {
        workers.execute(() -> {
            try {
                client.getInputStream().transferTo(upstream.getOutputStream());
            } catch (IOException e) {
                // the other direction ends the exchange
            } finally {
                closeQuietly(upstream);
            }
        });
        try {
            upstream.getInputStream().transferTo(client.getOutputStream());
        } finally {
            open.remove(upstream);
            closeQuietly(upstream);
            closeQuietly(client);
        }
    }

    /** The request line and headers, up to the blank line; empty when the client closed first. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        for (int b = in.read(); b != -1; b = in.read()) {
            if (++total > MAX_HEAD_BYTES) {
                throw new IOException("request head over " + MAX_HEAD_BYTES + " bytes");
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
            line.reset();
            if (text.isEmpty()) {
                return lines;
            }
            lines.add(text);
        }
        return List.of();
    }

    /** The URL parsed, when it names a host; else {@code null}, the refusal recorded. */
    private URI parse(String url, boolean navigation) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() != null && uri.getPort() <= 65_535) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        refuse(url, "it is not a URL with a host", navigation);
        return null;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
