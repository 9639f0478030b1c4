package dev.policybot.history;

import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.change.AlertLedger;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert ledger as a small JSON file a person can read ({@code index/alerts.json}):
 * {@code {"handled": {"soundcloud/terms-of-service": "2025-05-27"}}}. Written to a temporary file, fsynced and
 * moved into place (the folder fsynced too), so neither a crash nor a power loss leaves half a file; a damaged
 * file is moved aside with a warning and the ledger starts afresh.
 */
public final class FileAlertLedger implements AlertLedger {
    private static final Logger LOG = LoggerFactory.getLogger(FileAlertLedger.class);
    public static final String FILE_NAME = "alerts.json";
    private static final Pattern ENTRY = Pattern.compile("\"([^\"\\\\]+)\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})\"");
    private static final Pattern SHAPE = Pattern.compile("\\s*\\{\\s*\"handled\"\\s*:\\s*\\{[^{}]*\\}\\s*\\}\\s*");

    private final Path file;

    public FileAlertLedger(Path file) {
        this.file = file;
    }

    /** The ledger in {@code indexDir/alerts.json}. */
    public static FileAlertLedger in(Path indexDir) {
        return new FileAlertLedger(indexDir.resolve(FILE_NAME));
    }

    @Override
    public synchronized Map<String, LocalDate> handled() {
        Map<String, LocalDate> handled = new TreeMap<>();
        if (!Files.exists(file)) {
            return handled;
        }
        String json = read();
        if (!SHAPE.matcher(json).matches()) {
            moveAside();
            return handled;
        }
        Matcher entry = ENTRY.matcher(json);
        while (entry.find()) {
            handled.put(entry.group(1), LocalDate.parse(entry.group(2)));
        }
        return handled;
    }

    @Override
    public synchronized void save(Map<String, LocalDate> handled) {
        StringBuilder json = new StringBuilder("{\n  \"handled\": {");
        String separator = "\n";
        for (Map.Entry<String, LocalDate> e : new TreeMap<>(handled).entrySet()) {
            json.append(separator)
                    .append("    \"")
                    .append(e.getKey().replace("\"", ""))
                    .append("\": \"")
                    .append(e.getValue())
                    .append('"');
            separator = ",\n";
        }
        json.append(handled.isEmpty() ? "}\n}\n" : "\n  }\n}\n");
        write(json.toString());
    }

    /**
     * A damaged ledger (cut off by a crash, emptied by a power loss, edited badly) never blocks checks: it is kept
     * beside as {@code alerts.json.damaged-<time>} and the ledger starts afresh, so the next check records the
     * archive's current versions as handled, as a first check does.
     */
    private void moveAside() {
        Path aside = file.resolveSibling(FILE_NAME + ".damaged-" + System.currentTimeMillis());
        try {
            Files.move(file, aside);
            syncDirectory(file.toAbsolutePath().getParent());
            LOG.warn(
                    "The alert ledger {} is damaged; moved aside to {}, alerts start afresh from the current versions",
                    file,
                    aside.getFileName());
        } catch (IOException e) {
            throw UserFacingException.failure(
                    "The alert ledger " + file + " is damaged and cannot be moved aside: " + e.getMessage(), e);
        }
    }

    private String read() {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw UserFacingException.failure("Cannot read the alert ledger " + file + ": " + e.getMessage(), e);
        }
    }

    /** Temp file written and fsynced, moved over the ledger, the folder fsynced: whole and durable after a power loss. */
    private void write(String json) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, FILE_NAME, ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ByteBuffer bytes = ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                    channel.force(true);
                }
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
                syncDirectory(dir);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw UserFacingException.failure("Cannot write the alert ledger " + file + ": " + e.getMessage(), e);
        }
    }

    /** Makes a rename in {@code dir} durable (a no-op where folders cannot be opened, as on Windows). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot fsync the folder {}: {}", dir, e.toString());
        }
    }
}
