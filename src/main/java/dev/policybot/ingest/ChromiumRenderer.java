package dev.policybot.ingest;

import dev.policybot.config.Secrets;
import dev.policybot.domain.UserFacingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders pages that need client scripts with a headless Chromium ({@code chromium --headless --dump-dom URL}),
 * for declarations marked {@code executeClientScripts}. Without Chromium, such a source fails with a message
 * saying so.
 * <p>
 * Chromium reaches the network only through an {@link OutboundProxy} of this render on 127.0.0.1, which applies
 * the {@link OutboundPolicy} to every request — the page, each redirect, every subresource — and connects to the
 * address it vetted; loopback is not bypassed ({@code <-loopback>}) and Chromium's own resolver maps every name but
 * the proxy's to "not found", so nothing goes around it. A page whose load fails (a redirect to a refused address
 * among others) fails the source, naming the refusal. Each render gets a fresh, empty profile (deleted afterwards)
 * and Chromium's own background traffic (updates, sync, component downloads, QUIC, WebRTC's UDP) is switched off.
 * On timeout the whole process tree is killed. Chromium refuses to run as root with its sandbox (CI containers run
 * as root), so there, and only there, it runs without it.
 */
public final class ChromiumRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(ChromiumRenderer.class);
    private static final Pattern LOAD_FAILED = Pattern.compile("Page load failed: (net::[A-Z_]+)");

    private final String command;
    private final Duration timeout;
    private final long maxBytes;
    private final OutboundPolicy policy;
    /** Added to the fetch timeout for Chromium's own start-up. */
    private final Duration startup;

    public ChromiumRenderer(String command, Duration timeout, long maxBytes, OutboundPolicy policy) {
        this(command, timeout, maxBytes, policy, Duration.ofSeconds(15));
    }

    ChromiumRenderer(String command, Duration timeout, long maxBytes, OutboundPolicy policy, Duration startup) {
        this.command = command;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.policy = policy;
        this.startup = startup;
    }

    /** The page's DOM after its scripts ran, as HTML bytes (UTF-8). */
    public byte[] render(String url) {
        policy.check(url);
        String shown = Secrets.redact(url);
        Path profile = freshProfile();
        try (OutboundProxy proxy = startProxy(shown)) {
            return render(url, shown, profile, proxy);
        } finally {
            deleteTree(profile);
        }
    }

    private OutboundProxy startProxy(String shown) {
        try {
            return OutboundProxy.start(policy);
        } catch (IOException e) {
            throw UserFacingException.failure(shown + ": could not start the proxy Chromium fetches through", e);
        }
    }

    private byte[] render(String url, String shown, Path profile, OutboundProxy proxy) {
        Process process;
        try {
            process = new ProcessBuilder(arguments(proxy.startUrl(url), profile, proxy.address())).start();
        } catch (IOException e) {
            throw UserFacingException.failure(
                    shown + ": this page needs client scripts (executeClientScripts), but " + "Chromium ('" + command
                            + "') is not available; install it or set fetch.chromium in sources.yaml",
                    e);
        }
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readCapped(process.getInputStream()));
        CompletableFuture<String> loadFailure =
                CompletableFuture.supplyAsync(() -> loadFailure(process.getErrorStream()));
        try {
            Duration limit = timeout.plus(startup);
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw UserFacingException.failure(
                        shown + ": Chromium did not finish within " + Math.max(1, limit.toSeconds()) + " s (timeout)",
                        null);
            }
            byte[] dom = output.get(5, TimeUnit.SECONDS);
            return checkedDom(shown, dom, process.exitValue(), loadFailure.get(5, TimeUnit.SECONDS), proxy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UserFacingException.failure(shown + ": interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw UserFacingException.failure(shown + ": could not read Chromium's output", e);
        } finally {
            killTree(process);
        }
    }

    /**
     * The DOM, unless Chromium failed. A failed page load lists the proxy's refusals, refused navigations (the page
     * or a redirect) first; Chromium's own background requests may be among the rest.
     */
    private byte[] checkedDom(String shown, byte[] dom, int exitCode, String loadFailure, OutboundProxy proxy) {
        List<String> refusals = proxy.refusals().stream()
                .sorted(Comparator.comparing(r -> !r.navigation()))
                .map(OutboundProxy.Refusal::text)
                .distinct()
                .toList();
        if (!refusals.isEmpty()) {
            LOG.debug("Chromium was refused {} request(s) of {}: {}", refusals.size(), shown, refusals);
        }
        if (loadFailure != null) {
            throw UserFacingException.failure(
                    shown + ": Chromium could not load the page (" + loadFailure + ")" + refused(refusals), null);
        }
        if (dom == null) {
            throw UserFacingException.failure(
                    shown + ": the rendered page is larger than the " + maxBytes + "-byte limit", null);
        }
        if (exitCode != 0 || dom.length == 0) {
            throw UserFacingException.failure(
                    shown + ": Chromium could not render the page (exit code " + exitCode + ")", null);
        }
        return dom;
    }

    private static String refused(List<String> refusals) {
        if (refusals.isEmpty()) {
            return "";
        }
        String listed = String.join("; ", refusals.subList(0, Math.min(3, refusals.size())));
        return "; refused: " + listed + (refusals.size() > 3 ? "; and " + (refusals.size() - 3) + " more" : "");
    }

    /** Kills Chromium and every process it started (renderers, zygotes, GPU and network services). */
    private static void killTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.onExit().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Chromium did not exit within 5 s of being killed", e);
        }
    }

    /** Chromium's "Page load failed: net::ERR_…" from its error output, or {@code null}; the rest is dropped. */
    private static String loadFailure(InputStream errors) {
        String failure = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(errors, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher m = LOAD_FAILED.matcher(line);
                if (failure == null && m.find()) {
                    failure = m.group(1);
                }
            }
        } catch (IOException e) {
            // the stream closes when Chromium is killed
        }
        return failure;
    }

    List<String> arguments(String url, Path profile, String proxy) {
        List<String> args = new ArrayList<>(List.of(
                command,
                "--headless",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
                "--proxy-server=http://" + proxy,
                "--proxy-bypass-list=<-loopback>",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--user-data-dir=" + profile.toAbsolutePath()));
        if (RUNNING_AS_ROOT) {
            args.add("--no-sandbox");
        }
        args.addAll(List.of("--virtual-time-budget=10000", "--dump-dom", url));
        return args;
    }

    private static final boolean RUNNING_AS_ROOT = "root".equals(System.getProperty("user.name"));

    private static Path freshProfile() {
        try {
            return Files.createTempDirectory("policybot-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Chromium profile folder", e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp profile is harmless
        }
    }

    private byte[] readCapped(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            return bytes.length > maxBytes ? null : bytes;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static String contentType() {
        return "text/html; charset=" + StandardCharsets.UTF_8.name();
    }
}
