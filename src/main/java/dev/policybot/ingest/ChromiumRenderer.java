package dev.policybot.ingest;

import dev.policybot.domain.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.stream.Stream;

/**
 * Renders pages that need client scripts with a headless Chromium ({@code chromium --headless --dump-dom URL}),
 * for declarations marked {@code executeClientScripts}. Without Chromium, such a source fails with a message
 * saying so.
 * <p>
 * Each render gets a fresh, empty profile (deleted afterwards) and Chromium's own background traffic (updates,
 * sync, component downloads, QUIC) is switched off, so only the page and what it loads are fetched. Chromium
 * refuses to run as root with its sandbox (CI containers run as root), so there, and only there, it runs without it.
 */
public final class ChromiumRenderer {
    private final String command;
    private final Duration timeout;
    private final long maxBytes;

    public ChromiumRenderer(String command, Duration timeout, long maxBytes) {
        this.command = command;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** The page's DOM after its scripts ran, as HTML bytes (UTF-8). */
    public byte[] render(String url) {
        HttpFetcher.checked(url);
        Path profile = freshProfile();
        try {
            return render(url, profile);
        } finally {
            deleteTree(profile);
        }
    }

    private byte[] render(String url, Path profile) {
        Process process;
        try {
            process = new ProcessBuilder(arguments(url, profile))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw UserFacingException.failure(
                    url + ": this page needs client scripts (executeClientScripts), but " + "Chromium ('" + command
                            + "') is not available; install it or set fetch.chromium in sources.yaml",
                    e);
        }
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readCapped(process.getInputStream()));
        try {
            if (!process.waitFor(timeout.toMillis() + 15_000, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw UserFacingException.failure(
                        url + ": Chromium did not finish within "
                                + timeout.plusSeconds(15).toSeconds() + " s (timeout)",
                        null);
            }
            byte[] dom = output.get(5, TimeUnit.SECONDS);
            if (dom == null) {
                throw UserFacingException.failure(
                        url + ": the rendered page is larger than the " + maxBytes + "-byte limit", null);
            }
            if (process.exitValue() != 0 || dom.length == 0) {
                throw UserFacingException.failure(
                        url + ": Chromium could not render the page (exit code " + process.exitValue() + ")", null);
            }
            return dom;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw UserFacingException.failure(url + ": interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw UserFacingException.failure(url + ": could not read Chromium's output", e);
        }
    }

    List<String> arguments(String url, Path profile) {
        List<String> args = new ArrayList<>(List.of(
                command,
                "--headless",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
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
