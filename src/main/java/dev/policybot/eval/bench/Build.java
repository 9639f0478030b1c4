package dev.policybot.eval.bench;

import dev.policybot.domain.Clause;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * One build of the index at one scale, and the stamp that lets a later run reuse a kept index: what it holds and which
 * code built it ({@code index-xN.properties} beside the index folder).
 *
 * @param seconds  wall time of the build
 * @param embedded texts the model embedded during it
 * @param indexMb  size on disk
 * @param builtAt  when it was built (ISO instant)
 */
record Build(double seconds, long embedded, double indexMb, String builtAt) {

    /** The kept build in {@code dir} when its stamp matches {@code fingerprint}, else {@code null}. */
    static Build kept(Path dir, String fingerprint) {
        Path stamp = stampOf(dir);
        if (!Files.isDirectory(dir) || !Files.exists(stamp)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(stamp, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            return null;
        }
        if (!fingerprint.equals(p.getProperty("fingerprint"))) {
            return null;
        }
        return new Build(
                Double.parseDouble(p.getProperty("seconds")),
                Long.parseLong(p.getProperty("embedded")),
                Double.parseDouble(p.getProperty("indexMb")),
                p.getProperty("builtAt"));
    }

    void keep(Path dir, String fingerprint) {
        Properties p = new Properties();
        p.setProperty("fingerprint", fingerprint);
        p.setProperty("seconds", Double.toString(seconds));
        p.setProperty("embedded", Long.toString(embedded));
        p.setProperty("indexMb", Double.toString(indexMb));
        p.setProperty("builtAt", builtAt);
        try (Writer out = Files.newBufferedWriter(stampOf(dir), StandardCharsets.UTF_8)) {
            p.store(out, "index kept by policybot bench; deleted with the index");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void forget(Path dir) {
        try {
            Files.deleteIfExists(stampOf(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path stampOf(Path dir) {
        return dir.resolveSibling(dir.getFileName() + ".properties");
    }

    /**
     * SHA-256 (first 8 bytes, hex) of the compiled classes of the given classes' packages, read from their jar or class
     * folder: the same sources give the same value, any change to those packages another.
     */
    static String packagesFingerprint(Class<?>... members) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Class<?> member : members) {
                String prefix = member.getPackageName().replace('.', '/') + "/";
                SortedMap<String, byte[]> classes = classesUnder(member, prefix);
                classes.forEach((name, bytes) -> {
                    digest.update(name.getBytes(StandardCharsets.UTF_8));
                    digest.update(bytes);
                });
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException | URISyntaxException e) {
            return "unreadable-" + System.nanoTime();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The class files directly in one package (not its sub-packages), by name. */
    private static SortedMap<String, byte[]> classesUnder(Class<?> member, String prefix)
            throws IOException, URISyntaxException {
        Path code = Path.of(
                member.getProtectionDomain().getCodeSource().getLocation().toURI());
        SortedMap<String, byte[]> classes = new TreeMap<>();
        if (Files.isDirectory(code)) {
            try (Stream<Path> files = Files.list(code.resolve(prefix))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    classes.put(prefix + file.getFileName(), Files.readAllBytes(file));
                }
            }
            return classes;
        }
        try (JarFile jar = new JarFile(code.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith(prefix) && name.endsWith(".class") && name.indexOf('/', prefix.length()) < 0) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        classes.put(name, in.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }

    /** Identifies what an index at {@code scale} holds and which code built it, so a kept index is reused only as is. */
    static String fingerprint(int scale, List<Clause> corpus, BenchTarget target) {
        long corpusHash = 17;
        for (Clause clause : corpus) {
            corpusHash = 31 * corpusHash + clause.versionKey().hashCode();
            corpusHash = 31 * corpusHash + clause.text().hashCode();
        }
        return "scale=" + scale + ";corpus=" + Long.toHexString(corpusHash) + ";index-code="
                + target.indexCodeFingerprint() + ";copies=" + BenchVectors.FORMAT;
    }
}
