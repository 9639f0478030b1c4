package dev.policybot.search;

import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.port.ClauseSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an index generation was built from, as one hash: every version (ids, names, date, URL, text), the splitter,
 * the embedding model, and PolicyBot's own compiled code (so a new build of PolicyBot, whose splitter or mapping may
 * differ, rebuilds once). Kept in the generation's folder with its clause count; a reindex whose versions give the
 * same hash leaves the index as it is without splitting a clause.
 */
final class IndexFingerprint {
    private static final Logger LOG = LoggerFactory.getLogger(IndexFingerprint.class);
    /** Not a Lucene file name, so Lucene leaves it alone. */
    static final String FILE = "policybot-fingerprint.txt";

    private static final String CODE = codeIdentity();

    private final String hash;

    private IndexFingerprint(String hash) {
        this.hash = hash;
    }

    static IndexFingerprint of(String modelId, ClauseSplitter splitter, List<PolicyVersion> versions) {
        MessageDigest digest = sha256();
        update(
                digest,
                "code " + CODE + ", model " + modelId + ", splitter "
                        + splitter.getClass().getName() + ", versions " + versions.size());
        for (PolicyVersion v : versions) {
            update(
                    digest,
                    v.platformId() + "\t" + v.platform() + "\t" + v.documentId() + "\t" + v.document() + "\t" + v.date()
                            + "\t" + v.url());
            update(digest, v.text());
        }
        return new IndexFingerprint(HexFormat.of().formatHex(digest.digest()));
    }

    /** The clause count of the generation in {@code generationDir} if it was built from this fingerprint. */
    Optional<Integer> heldBy(Path generationDir) {
        if (generationDir == null || !Files.isRegularFile(generationDir.resolve(FILE))) {
            return Optional.empty();
        }
        try {
            String[] lines = Files.readString(generationDir.resolve(FILE), StandardCharsets.UTF_8)
                    .strip()
                    .split("\n");
            return lines.length == 2 && lines[0].strip().equals(hash)
                    ? Optional.of(Integer.parseInt(lines[1].strip()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            LOG.debug("Unreadable fingerprint in {}: {}", generationDir, e.toString());
            return Optional.empty();
        }
    }

    /** Written into a generation before it is made live. */
    void writeTo(Path generationDir, int clauses) throws IOException {
        Files.writeString(generationDir.resolve(FILE), hash + "\n" + clauses + "\n", StandardCharsets.UTF_8);
    }

    /**
     * A hash of PolicyBot's classes: from the jar's directory (name, CRC and size of each {@code dev/policybot/} entry,
     * read without inflating anything), or of the class files when running from a folder (tests). Unknown: a random
     * value, so every build rebuilds, as before fingerprints.
     */
    private static String codeIdentity() {
        try {
            CodeSource source = IndexFingerprint.class.getProtectionDomain().getCodeSource();
            Path location = Path.of(source.getLocation().toURI());
            MessageDigest digest = sha256();
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location.resolve("dev").resolve("policybot"))) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        update(digest, location.relativize(file).toString());
                        try (InputStream in = Files.newInputStream(file)) {
                            digest.update(in.readAllBytes());
                        }
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(location.toFile())) {
                    for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        ZipEntry entry = e.nextElement();
                        if (entry.getName().startsWith("dev/policybot/")) {
                            update(digest, entry.getName() + " " + entry.getCrc() + " " + entry.getSize());
                        }
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.debug("Cannot identify PolicyBot's code, so every reindex rebuilds: {}", e.toString());
            return java.util.UUID.randomUUID().toString();
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
