package dev.policybot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy Chromium renders through, spoken to over raw sockets as Chromium speaks to it: plain requests in
 * absolute form and CONNECT tunnels. Test mode allows 127.0.0.1 and refuses 127.0.0.2 like any other non-public
 * address; production refuses plain http and non-public addresses before connecting anywhere.
 */
class OutboundProxyTest {
    private LocalServer allowed;
    private LocalServer refused;

    @BeforeEach
    void start() throws IOException {
        allowed = new LocalServer();
        allowed.on("/terms", ex -> LocalServer.send(ex, 200, "text/plain", "allowed terms"));
        refused = new LocalServer(InetAddress.getByName("127.0.0.2"));
        refused.on("/", ex -> LocalServer.send(ex, 200, "text/plain", "metadata"));
    }

    @AfterEach
    void stop() {
        allowed.close();
        refused.close();
    }

    @Test
    void aPlainRequestToAnAllowedAddressIsSentOnInOriginForm() throws IOException {
        try (OutboundProxy proxy = OutboundProxy.start(OutboundPolicy.LOOPBACK_FOR_TESTS)) {
            String response = exchange(
                    proxy,
                    "GET " + allowed.url("/terms") + " HTTP/1.1\r\n" + "Host: 127.0.0.1\r\n"
                            + "Proxy-Connection: keep-alive\r\n\r\n");

            assertThat(response).startsWith("HTTP/1.1 200").endsWith("allowed terms");
            assertThat(allowed.requests)
                    .extracting(LocalServer.HttpExchangeRecord::path)
                    .containsExactly("/terms");
            assertThat(proxy.refusals()).isEmpty();
        }
    }

    @Test
    void aTunnelToAnAllowedAddressCarriesTheExchange() throws IOException {
        try (OutboundProxy proxy = OutboundProxy.start(OutboundPolicy.LOOPBACK_FOR_TESTS)) {
            String response = exchange(
                    proxy,
                    "CONNECT 127.0.0.1:" + allowed.port() + " HTTP/1.1\r\n\r\n"
                            + "GET /terms HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

            assertThat(response)
                    .startsWith("HTTP/1.1 200 Connection Established")
                    .endsWith("allowed terms");
        }
    }

    @Test
    void aRefusedAddressIsNeverConnectedToNeitherPlainNorTunnelled() throws IOException {
        try (OutboundProxy proxy = OutboundProxy.start(OutboundPolicy.LOOPBACK_FOR_TESTS)) {
            String plain = exchange(
                    proxy,
                    "GET " + refused.url("/latest/meta-data/") + " HTTP/1.1\r\nHost: 127.0.0.2\r\n"
                            + "Sec-Fetch-Mode: navigate\r\n\r\n");
            String tunnel = exchange(proxy, "CONNECT 127.0.0.2:" + refused.port() + " HTTP/1.1\r\n\r\n");

            assertThat(plain)
                    .as("a refused plain request gets no page, only a closed connection")
                    .isEmpty();
            assertThat(tunnel).startsWith("HTTP/1.1 403 Forbidden");
            assertThat(refused.requests).isEmpty();
            assertThat(proxy.refusals())
                    .extracting(OutboundProxy.Refusal::navigation)
                    .containsExactly(true, false);
            assertThat(proxy.refusals())
                    .allSatisfy(r -> assertThat(r.text()).contains("127.0.0.2 is a loopback address"));
        }
    }

    @Test
    void inProductionPlainHttpAndNonPublicAddressesAreRefusedBeforeAnyConnection() throws IOException {
        try (OutboundProxy proxy = OutboundProxy.start(OutboundPolicy.PUBLIC_HTTPS_ONLY)) {
            String plain = exchange(proxy, "GET http://93.184.215.14/terms HTTP/1.1\r\nHost: 93.184.215.14\r\n\r\n");
            String metadata = exchange(proxy, "CONNECT 169.254.169.254:443 HTTP/1.1\r\n\r\n");
            String local = exchange(proxy, "CONNECT 127.0.0.1:" + allowed.port() + " HTTP/1.1\r\n\r\n");
            String unknown = exchange(proxy, "CONNECT no-such-host.invalid:443 HTTP/1.1\r\n\r\n");

            assertThat(plain).isEmpty();
            assertThat(metadata).startsWith("HTTP/1.1 403");
            assertThat(local).startsWith("HTTP/1.1 403");
            assertThat(unknown).startsWith("HTTP/1.1 403");
            assertThat(allowed.requests).isEmpty();
            assertThat(proxy.refusals())
                    .extracting(OutboundProxy.Refusal::text)
                    .containsExactly(
                            "only https URLs are fetched, not 'http://93.184.215.14/terms'",
                            "'https://169.254.169.254:443/' is refused: 169.254.169.254 is a link-local address"
                                    + " (169.254.169.254); only public addresses are fetched",
                            "'https://127.0.0.1:" + allowed.port() + "/' is refused: 127.0.0.1 is a loopback address"
                                    + " (127.0.0.1); only public addresses are fetched",
                            "https://no-such-host.invalid:443/: unknown host 'no-such-host.invalid'");
        }
    }

    /** Sends the bytes to the proxy and reads until it closes the connection. */
    private static String exchange(OutboundProxy proxy, String request) throws IOException {
        String[] hostPort = proxy.address().split(":");
        try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
