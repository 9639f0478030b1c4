package dev.policybot.history;

import dev.policybot.domain.change.AlertLedger;
import dev.policybot.domain.UserFacingException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alert ledger as a small JSON file a person can read ({@code index/alerts.json}):
 * {@code {"handled": {"soundcloud/terms-of-service": "2025-05-27"}}}. Written to a temporary file and moved into
 * place, so a crash never leaves half a file.
 */
public final class FileAlertLedger implements AlertLedger {
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
            throw UserFacingException.failure("The alert ledger " + file + " is damaged; fix it or delete it "
                    + "(alerts then start afresh from the current versions).", null);
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
            json.append(separator).append("    \"").append(e.getKey().replace("\"", "")).append("\": \"")
                    .append(e.getValue()).append('"');
            separator = ",\n";
        }
        json.append(handled.isEmpty() ? "}\n}\n" : "\n  }\n}\n");
        write(json.toString());
    }

    private String read() {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw UserFacingException.failure("Cannot read the alert ledger " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(String json) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, FILE_NAME, ".tmp");
            Files.writeString(temp, json);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw UserFacingException.failure("Cannot write the alert ledger " + file + ": " + e.getMessage(), e);
        }
    }
}
