package dev.policybot.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.SourceDocument;
import dev.policybot.domain.SourceStatus;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.Archive;
import dev.policybot.domain.port.SourceCatalog;
import dev.policybot.text.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The archive on disk, plain files a person can read and diff: {@code <root>/<platform>/<document>/<YYYY-MM-DD>.md}
 * plus {@code state.json} (display names, URL, last checked, last error, ETag / Last-Modified).
 * <p>
 * Rules: a fetched version is written only when its normalised text (Unicode NFC, runs of whitespace as one space)
 * differs from the archived version before its date; an imported dated history keeps every date it records (each
 * is an observation of that day), skipping only days the archive already holds with the same text. Files are
 * written atomically and never overwritten or deleted.
 * When a day already has a different text, the new text goes to {@code <date>.2.md} ({@code .3.md}, …): both
 * stay, and the last one of the day counts as that day's version (the earlier one was in force for less than a day).
 */
public final class VersionArchive implements Archive, SourceCatalog {
    static final String STATE_FILE = "state.json";
    private static final Pattern DATED = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:\\.(\\d+))?\\.md");
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final Path root;

    public VersionArchive(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /**
     * What {@code state.json} holds for one document.
     *
     * @param lastChecked when the document was last fetched, imported, or failed
     * @param lastFetched when it was last fetched live with success (an import is not a fetch), or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record State(
            String platform,
            String document,
            String url,
            String lastChecked,
            String lastError,
            String lastErrorAt,
            String etag,
            String lastModified,
            String lastFetched) {}

    /** One archived file: its day, its number within the day (1 for the first), and where it is. */
    private record DatedFile(LocalDate day, int n, Path file) {}

    @Override
    public synchronized Stored store(SourceDocument document, Instant checkedAt) {
        Path dir = documentDir(document.platformId(), document.documentId());
        int written = 0;
        LocalDate newest = null;
        try {
            for (PolicyVersion version : document.versions()) {
                if (storeVersion(dir, version, document.history())) {
                    written++;
                    newest = newest == null || version.date().isAfter(newest) ? version.date() : newest;
                }
            }
            State old = readState(dir);
            if (written == 0
                    && document.history()
                    && old != null
                    && old.lastError() == null
                    && Objects.equals(old.platform(), document.platform())
                    && Objects.equals(old.document(), document.document())
                    && Objects.equals(old.url(), document.url())) {
                // an import that brings nothing new changes no file (a fetch records when it was last checked)
                return new Stored(0, days(dir).size(), null);
            }
            SourceDocument.Validators validators = document.notModified() && old != null
                    ? new SourceDocument.Validators(old.etag(), old.lastModified())
                    : document.validators();
            String lastFetched = document.history() ? (old == null ? null : old.lastFetched()) : checkedAt.toString();
            writeState(
                    dir,
                    new State(
                            document.platform(),
                            document.document(),
                            document.url(),
                            checkedAt.toString(),
                            null,
                            null,
                            validators.etag(),
                            validators.lastModified(),
                            lastFetched));
            return new Stored(written, days(dir).size(), newest);
        } catch (IOException e) {
            throw UserFacingException.failure("cannot write the archive under " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the version unless the archive already has its text for that day, or (for a fetch rather than a
     * dated history) the version before it has the same text.
     */
    private boolean storeVersion(Path dir, PolicyVersion version, boolean history) throws IOException {
        List<DatedFile> files = datedFiles(dir);
        List<DatedFile> sameDay =
                files.stream().filter(f -> f.day().equals(version.date())).toList();
        String normalised = null;
        for (DatedFile f : sameDay) {
            String stored = TextFiles.read(f.file());
            if (stored.equals(version.text())) {
                return false;
            }
            normalised = normalised == null ? normalise(version.text()) : normalised;
            if (normalise(stored).equals(normalised)) {
                return false;
            }
        }
        normalised = normalised == null ? normalise(version.text()) : normalised;
        if (sameDay.isEmpty() && !history) {
            DatedFile before = lastOfDayBefore(files, version.date());
            if (before != null && normalise(TextFiles.read(before.file())).equals(normalised)) {
                return false;
            }
        }
        int n = sameDay.stream().mapToInt(DatedFile::n).max().orElse(0) + 1;
        String name = version.date() + (n == 1 ? "" : "." + n) + ".md";
        String text = version.text().endsWith("\n") ? version.text() : version.text() + "\n";
        AtomicFiles.create(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
        return true;
    }

    private static DatedFile lastOfDayBefore(List<DatedFile> files, LocalDate day) {
        return files.stream()
                .filter(f -> f.day().isBefore(day))
                .max(Comparator.comparing(DatedFile::day).thenComparing(DatedFile::n))
                .orElse(null);
    }

    @Override
    public synchronized void recordFailure(
            String platformId, String platform, String documentId, String document, String reason, Instant checkedAt) {
        Path dir = documentDir(platformId, documentId);
        try {
            State old = readState(dir);
            State state = old == null
                    ? new State(
                            platform,
                            document,
                            null,
                            checkedAt.toString(),
                            reason,
                            checkedAt.toString(),
                            null,
                            null,
                            null)
                    : new State(
                            old.platform(),
                            old.document(),
                            old.url(),
                            checkedAt.toString(),
                            reason,
                            checkedAt.toString(),
                            old.etag(),
                            old.lastModified(),
                            old.lastFetched());
            writeState(dir, state);
        } catch (IOException e) {
            throw UserFacingException.failure("cannot write the archive under " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SourceDocument.Validators validators(String platformId, String documentId) {
        State state = readState(documentDir(platformId, documentId));
        return state == null
                ? SourceDocument.Validators.NONE
                : new SourceDocument.Validators(state.etag(), state.lastModified());
    }

    @Override
    public List<PolicyVersion> versions() {
        return Files.isDirectory(root) ? ArchiveImport.read(root) : List.of();
    }

    /**
     * One line per archived document. Names and URL come from its {@code state.json}, else from the shipped
     * {@code manifest.json}; a document the manifest lists carries the shipped snapshot's date (the newest date in it).
     */
    @Override
    public List<SourceStatus> sources() {
        ShippedManifest shipped = ShippedManifest.in(root);
        List<SourceStatus> statuses = new ArrayList<>();
        for (Path dir : documentDirs()) {
            State state = readState(dir);
            List<LocalDate> days = days(dir);
            String platformId = dir.getParent().getFileName().toString();
            String documentId = dir.getFileName().toString();
            ShippedManifest.Entry entry = shipped.entry(platformId, documentId);
            statuses.add(new SourceStatus(
                    platformId,
                    firstOf(
                            state == null ? null : state.platform(),
                            entry == null ? null : entry.platform(),
                            ArchiveImport.titleCase(platformId)),
                    documentId,
                    firstOf(
                            state == null ? null : state.document(),
                            entry == null ? null : entry.document(),
                            ArchiveImport.titleCase(documentId)),
                    days.isEmpty() ? null : days.get(days.size() - 1),
                    days.size(),
                    state == null || state.lastChecked() == null ? null : Instant.parse(state.lastChecked()),
                    state == null ? null : state.lastError(),
                    firstOf(state == null ? null : state.url(), entry == null ? null : entry.url(), null),
                    state == null || state.lastFetched() == null ? null : Instant.parse(state.lastFetched()),
                    entry == null ? null : shipped.snapshot()));
        }
        return statuses;
    }

    private static String firstOf(String a, String b, String fallback) {
        return a != null ? a : b != null ? b : fallback;
    }

    private List<Path> documentDirs() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root, 2)) {
            return paths.filter(p -> root.relativize(p).getNameCount() == 2 && Files.isDirectory(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    Path documentDir(String platformId, String documentId) {
        Path dir = root.resolve(platformId).resolve(documentId).normalize();
        if (!dir.startsWith(root.normalize()) || platformId.isBlank() || documentId.isBlank()) {
            throw new IllegalArgumentException("not a slug: " + platformId + "/" + documentId);
        }
        return dir;
    }

    private static List<LocalDate> days(Path dir) {
        return datedFiles(dir).stream().map(DatedFile::day).distinct().sorted().toList();
    }

    private static List<DatedFile> datedFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Map<String, DatedFile> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(dir)) {
            paths.forEach(p -> {
                Matcher m = DATED.matcher(p.getFileName().toString());
                LocalDate day = m.matches() ? day(m.group(1)) : null;
                if (day != null) {
                    int n = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                    files.put(p.getFileName().toString(), new DatedFile(day, n, p));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return new ArrayList<>(files.values());
    }

    /** The day a file is named after, or {@code null} for a name that is no day ("2024-99-99"): such files are not versions. */
    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static State readState(Path dir) {
        Path file = dir.resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), State.class);
        } catch (IOException e) {
            throw UserFacingException.failure(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void writeState(Path dir, State state) throws IOException {
        AtomicFiles.replace(dir.resolve(STATE_FILE), JSON.writeValueAsBytes(state));
    }

    /**
     * Unicode NFC and runs of whitespace ({@code [ \t\n\x0B\f\r]}, as the regex {@code \s}) as one space, then
     * stripped: what counts as "the same text". A loop rather than a regex: an import compares megabytes of text.
     */
    static String normalise(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean inSpace = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                if (!inSpace) {
                    out.append(' ');
                    inSpace = true;
                }
            } else {
                out.append(c);
                inSpace = false;
            }
        }
        return out.toString().strip();
    }
}
