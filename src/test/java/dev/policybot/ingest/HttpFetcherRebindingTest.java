package dev.policybot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS rebinding against the Java fetcher: a name that passes the outbound check as 127.0.0.1 and resolves to
 * 127.0.0.2 (refused in test mode) a moment later, over http (absolute-URI requests) and https (CONNECT). Java 17 cannot plug a resolver into {@code HttpClient}, so the
 * fetch runs in a child JVM ({@link RebindingFetch}) whose own resolver reads a hosts file naming 127.0.0.2: a client
 * that resolved the name by itself would connect there. A server on 127.0.0.2 counts every connection it accepts,
 * TLS attempts included; it must see none.
 */
class HttpFetcherRebindingTest {
    @TempDir
    Path dir;

    private LocalServer allowed;
    private ServerSocket refused;
    private final AtomicInteger connectionsToRefused = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        refused = new ServerSocket();
        refused.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
        Thread accepting = new Thread(this::countConnections, "refused-127.0.0.2");
        accepting.setDaemon(true);
        accepting.start();
        allowed = new LocalServer(InetAddress.getByName("127.0.0.1"), refused.getLocalPort());
        allowed.on("/terms", ex -> LocalServer.send(ex, 200, "text/plain", "allowed terms"));
    }

    @AfterEach
    void stop() throws IOException {
        refused.close();
        allowed.close();
    }

    @Test
    void aNameThatRebindsAfterTheCheckIsNeverConnectedToAtItsNewAddress() throws Exception {
        int port = refused.getLocalPort();
        String http = "http://localhost:" + port + "/terms";
        String https = "https://rebinding.test:" + port + "/terms";

        List<String> results = fetchInChildJvm("rebinding:" + http, "rebinding:" + https);

        assertThat(connectionsToRefused).as("connections accepted on 127.0.0.2").hasValue(0);
        assertThat(results)
                .containsExactly(
                        "failed " + http + ": could not connect: '" + http + "' is refused: localhost is a loopback"
                                + " address (127.0.0.2); only public addresses are fetched",
                        "failed " + https + ": could not connect: 'https://rebinding.test:" + port + "/' is refused:"
                                + " rebinding.test is a loopback address (127.0.0.2); only public addresses are"
                                + " fetched");
    }

    @Test
    void theFetchConnectsToTheAddressThePolicyVettedNotToWhatTheJvmResolves() throws Exception {
        String url = "http://localhost:" + refused.getLocalPort() + "/terms";

        List<String> results = fetchInChildJvm("steady:" + url);

        assertThat(results).containsExactly("fetched allowed terms");
        assertThat(allowed.requests)
                .extracting(LocalServer.HttpExchangeRecord::userAgent)
                .containsExactly("PolicyBot/test");
        assertThat(connectionsToRefused).as("connections accepted on 127.0.0.2").hasValue(0);
    }

    /** Runs {@link RebindingFetch} with a hosts file mapping both names to 127.0.0.2. */
    private List<String> fetchInChildJvm(String... urls) throws IOException, InterruptedException {
        Path hosts = Files.writeString(dir.resolve("hosts"), "127.0.0.2 localhost\n127.0.0.2 rebinding.test\n");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts,
                "-cp",
                System.getProperty("java.class.path"),
                RebindingFetch.class.getName()));
        command.addAll(List.of(urls));
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        assertThat(child.waitFor(2, TimeUnit.MINUTES))
                .as("the child JVM finished")
                .isTrue();
        List<String> output = Files.readAllLines(dir.resolve("child.log"));
        assertThat(child.exitValue()).as(String.join("\n", output)).isZero();
        return output.stream()
                .filter(line -> line.startsWith(RebindingFetch.RESULT))
                .map(line -> line.substring(RebindingFetch.RESULT.length()))
                .toList();
    }

    /** Accepts, counts, answers a tiny page and hangs up: whatever reaches 127.0.0.2 is counted. */
    private void countConnections() {
        while (!refused.isClosed()) {
            try (Socket socket = refused.accept()) {
                connectionsToRefused.incrementAndGet();
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 7\r\nConnection: close\r\n\r\nreached"
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // closed at the end of the test, or the client hung up
            }
        }
    }
}
