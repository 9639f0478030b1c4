package dev.policybot.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code manifest.json} of the archive PolicyBot ships (the corpus's own manifest, unchanged): per document its
 * display names and live URL, and the snapshot's date, the newest version date it lists. PolicyBot never writes it,
 * so it keeps saying what shipped after live fetches add versions.
 */
final class ShippedManifest {
    private static final Logger LOG = LoggerFactory.getLogger(ShippedManifest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ShippedManifest NONE = new ShippedManifest(Map.of(), null);

    /** One shipped document: names and URL as the manifest gives them. */
    record Entry(String platform, String document, String url) {}

    private final Map<String, Entry> byDocument;
    private final LocalDate snapshot;

    private ShippedManifest(Map<String, Entry> byDocument, LocalDate snapshot) {
        this.byDocument = byDocument;
        this.snapshot = snapshot;
    }

    /** The manifest in {@code archiveRoot}, or an empty one when there is none (or it cannot be read). */
    static ShippedManifest in(Path archiveRoot) {
        Path file = archiveRoot.resolve("manifest.json");
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            Map<String, Entry> entries = new HashMap<>();
            LocalDate newest = null;
            for (JsonNode e : JSON.readTree(file.toFile())) {
                String[] path = e.path("path").asText("").split("/");
                if (path.length != 3) {
                    continue;
                }
                entries.put(
                        path[0] + "/" + path[1],
                        new Entry(text(e, "service"), text(e, "termsType"), text(e, "fetchUrl")));
                LocalDate date = LocalDate.parse(e.path("date").asText());
                newest = newest == null || date.isAfter(newest) ? date : newest;
            }
            return new ShippedManifest(Map.copyOf(entries), newest);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the unreadable {}: {}", file, e.toString());
            return NONE;
        }
    }

    /** The shipped document in these folders, or {@code null} if it did not ship. */
    Entry entry(String platformFolder, String documentFolder) {
        return byDocument.get(platformFolder + "/" + documentFolder);
    }

    /** The snapshot's date, or {@code null} without a manifest. */
    LocalDate snapshot() {
        return snapshot;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) && !node.get(field).asText().isBlank()
                ? node.get(field).asText()
                : null;
    }
}
