package dev.policybot.history;

import dev.policybot.core.PolicyVersion;
import dev.policybot.core.SourceCatalog;
import dev.policybot.core.SourceStatus;
import dev.policybot.core.UserFacingException;
import dev.policybot.core.VersionSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a dated archive, {@code <root>/<platform>/<document>/<YYYY-MM-DD>.md} (the layout of {@code index/archive}
 * and of ../shared/corpus), with display names and URLs from an optional {@code manifest.json}. A stand-in until
 * the ingest package's archive serves these ports; it never writes.
 */
public final class DatedArchive implements VersionSource, SourceCatalog {
    private static final Pattern DATE_FILE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.md");
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
        Names names = names().getOrDefault(platformId + "/" + documentId, Names.of(platformId, documentId));
        List<PolicyVersion> versions = new ArrayList<>();
        for (Path file : list(folder)) {
            LocalDate date = dateOf(file);
            if (date != null) {
                versions.add(new PolicyVersion(platformId, names.platform(), documentId, names.document(), date,
                        names.url(), read(file)));
            }
        }
        versions.sort(Comparator.comparing(PolicyVersion::date));
        return versions;
    }

    @Override
    public List<SourceStatus> sources() {
        Map<String, Names> names = names();
        List<SourceStatus> sources = new ArrayList<>();
        for (Path platform : list(root)) {
            for (Path document : list(platform)) {
                List<LocalDate> dates = list(document).stream().map(DatedArchive::dateOf)
                        .filter(java.util.Objects::nonNull).sorted().toList();
                if (dates.isEmpty()) {
                    continue;
                }
                String platformId = platform.getFileName().toString();
                String documentId = document.getFileName().toString();
                Names n = names.getOrDefault(platformId + "/" + documentId, Names.of(platformId, documentId));
                sources.add(new SourceStatus(platformId, n.platform(), documentId, n.document(),
                        dates.get(dates.size() - 1), dates.size(), null, null, n.url()));
            }
        }
        return sources;
    }

    private record Names(String platform, String document, String url) {
        static Names of(String platformId, String documentId) {
            return new Names(title(platformId), title(documentId), null);
        }
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
            Map<String, String> fields = new HashMap<>();
            Matcher field = JSON_STRING.matcher(object.group());
            while (field.find()) {
                fields.put(field.group(1), field.group(2).replace("\\\"", "\"").replace("\\/", "/"));
            }
            String[] path = fields.getOrDefault("path", "").split("/");
            if (path.length >= 2) {
                names.put(path[0] + "/" + path[1], new Names(fields.getOrDefault("service", title(path[0])),
                        fields.getOrDefault("termsType", title(path[1])), fields.get("fetchUrl")));
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

    private static LocalDate dateOf(Path file) {
        Matcher matcher = DATE_FILE.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            return null;
        }
        try {
            return LocalDate.parse(matcher.group(1));
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
