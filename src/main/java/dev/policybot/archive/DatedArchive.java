package dev.policybot.archive;

import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.SourceStatus;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.SourceCatalog;
import dev.policybot.domain.port.VersionSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a dated archive, {@code <root>/<platform>/<document>/<YYYY-MM-DD>.md} (the layout of {@code index/archive}
 * and of ../shared/corpus), with display names and URLs from the document's {@code state.json} (as the ingest
 * archive writes it) or the root's {@code manifest.json}. A day with several texts ({@code <date>.2.md}, …) counts
 * with its last one, as in the ingest archive. It never writes.
 */
public final class DatedArchive implements VersionSource, SourceCatalog {
    private static final Pattern DATE_FILE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:\\.(\\d+))?\\.md");
    private static final String STATE_FILE = "state.json";
    private static final Pattern JSON_OBJECT = Pattern.compile("\\{[^{}]*\\}");
    private static final Pattern JSON_STRING = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Set<String> SMALL_WORDS = Set.of("of", "and", "for", "the", "to", "in", "on", "a");

    private final Path root;

    public DatedArchive(Path root) {
        this.root = root;
    }

    @Override
    public List<PolicyVersion> versions(String platformId, String documentId) {
        Path folder = root.resolve(platformId).resolve(documentId);
        Names names = names(folder, names());
        List<PolicyVersion> versions = new ArrayList<>();
        lastOfEachDay(folder)
                .forEach((date, file) -> versions.add(new PolicyVersion(
                        platformId, names.platform(), documentId, names.document(), date, names.url(), read(file))));
        return versions;
    }

    @Override
    public List<SourceStatus> sources() {
        Map<String, Names> manifest = names();
        List<SourceStatus> sources = new ArrayList<>();
        for (Path platform : list(root)) {
            for (Path document : list(platform)) {
                List<LocalDate> dates = new ArrayList<>(lastOfEachDay(document).keySet());
                if (dates.isEmpty()) {
                    continue;
                }
                Names n = names(document, manifest);
                sources.add(new SourceStatus(
                        platform.getFileName().toString(),
                        n.platform(),
                        document.getFileName().toString(),
                        n.document(),
                        dates.get(dates.size() - 1),
                        dates.size(),
                        null,
                        null,
                        n.url()));
            }
        }
        return sources;
    }

    private record Names(String platform, String document, String url) {
        static Names of(String platformId, String documentId) {
            return new Names(title(platformId), title(documentId), null);
        }
    }

    /** The document's names: from its state.json, else from the manifest, else from its folder names. */
    private static Names names(Path documentDir, Map<String, Names> manifest) {
        String platformId = documentDir.getParent().getFileName().toString();
        String documentId = documentDir.getFileName().toString();
        Names fallback = manifest.getOrDefault(platformId + "/" + documentId, Names.of(platformId, documentId));
        Path state = documentDir.resolve(STATE_FILE);
        if (!Files.isRegularFile(state)) {
            return fallback;
        }
        Map<String, String> fields = fields(read(state));
        return new Names(
                fields.getOrDefault("platform", fallback.platform()),
                fields.getOrDefault("document", fallback.document()),
                fields.getOrDefault("url", fallback.url()));
    }

    /** Each day's file, the last one when a day has several ({@code 2026-08-17.md}, {@code 2026-08-17.2.md}). */
    private static SortedMap<LocalDate, Path> lastOfEachDay(Path folder) {
        SortedMap<LocalDate, Path> files = new TreeMap<>();
        Map<LocalDate, Integer> numbers = new HashMap<>();
        for (Path file : list(folder)) {
            Matcher matcher = DATE_FILE.matcher(file.getFileName().toString());
            LocalDate date = matcher.matches() ? date(matcher.group(1)) : null;
            int n = date == null || matcher.group(2) == null ? 1 : Integer.parseInt(matcher.group(2));
            if (date != null && n >= numbers.getOrDefault(date, 0)) {
                numbers.put(date, n);
                files.put(date, file);
            }
        }
        return files;
    }

    /** String fields of a flat JSON object (our state.json, a manifest entry). */
    private static Map<String, String> fields(String json) {
        Map<String, String> fields = new HashMap<>();
        Matcher field = JSON_STRING.matcher(json);
        while (field.find()) {
            fields.put(field.group(1), field.group(2).replace("\\\"", "\"").replace("\\/", "/"));
        }
        return fields;
    }

    /** Display names and URLs by {@code platform/document}, from manifest.json's flat objects. */
    private Map<String, Names> names() {
        Path manifest = root.resolve("manifest.json");
        Map<String, Names> names = new HashMap<>();
        if (!Files.isRegularFile(manifest)) {
            return names;
        }
        Matcher object = JSON_OBJECT.matcher(read(manifest));
        while (object.find()) {
            Map<String, String> fields = fields(object.group());
            String[] path = fields.getOrDefault("path", "").split("/");
            if (path.length >= 2) {
                names.put(
                        path[0] + "/" + path[1],
                        new Names(
                                fields.getOrDefault("service", title(path[0])),
                                fields.getOrDefault("termsType", title(path[1])),
                                fields.get("fetchUrl")));
            }
        }
        return names;
    }

    /** "terms-of-service" → "Terms of Service". */
    static String title(String slug) {
        StringBuilder title = new StringBuilder();
        for (String word : slug.split("-")) {
            if (word.isEmpty()) {
                continue;
            }
            boolean small = title.length() > 0 && SMALL_WORDS.contains(word);
            title.append(title.length() > 0 ? " " : "")
                    .append(small ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
        }
        return title.toString();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw UserFacingException.failure("Cannot read the archive folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw UserFacingException.failure("Cannot read the archived file " + file + ": " + e.getMessage(), e);
        }
    }
}
