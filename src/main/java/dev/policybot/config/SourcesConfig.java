package dev.policybot.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.policybot.domain.PlatformGroup;
import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.Slugs;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code config/sources.yaml}: the platforms and documents PolicyBot reads, the Open Terms Archive declarations
 * and archive folders it imports, and how it fetches. Loaded once; syntax errors and unknown keys stop the load
 * with file, line and key. Problems of one entry (no url nor path, a scheme other than https, a duplicate, a path
 * outside the allowed folders) do not: they stay with the entry as {@link SourceEntry#problem()}, so the reindex
 * reports that source as failed and goes on with the others.
 *
 * @param fetch        how pages are fetched
 * @param folders      local files (path, declarations, archives) must lie inside one of these folders; default: the
 *                     config folder
 * @param declarations Open Terms Archive declaration files, or folders of them
 * @param archives     archive folders to import (dated or single-version layout)
 * @param platforms    platforms with their documents
 * @param groups       named sets of platforms ({@code music}, {@code ai-tools}…) for {@code compare}, {@code --only}
 *                     and alerts; a platform may be in several
 */
public record SourcesConfig(
        FetchConfig fetch,
        List<String> folders,
        List<String> declarations,
        List<String> archives,
        List<PlatformConfig> platforms,
        List<GroupConfig> groups) {
    public static final String FILE_NAME = "sources.yaml";

    public SourcesConfig {
        fetch = fetch == null ? FetchConfig.DEFAULT : fetch;
        folders = List.copyOf(folders == null ? List.of() : folders);
        declarations = List.copyOf(declarations == null ? List.of() : declarations);
        archives = List.copyOf(archives == null ? List.of() : archives);
        platforms = List.copyOf(platforms == null ? List.of() : platforms);
        groups = List.copyOf(groups == null ? List.of() : groups);
    }

    /**
     * A group of platforms: its {@code name} (a slug people type, e.g. {@code ai-tools}), the phrases that mean it in a
     * question ({@code aliases}: "AI tools", "music sites"), and its platforms by name, slug or alias.
     */
    public record GroupConfig(String name, List<String> aliases, List<String> platforms) {
        public GroupConfig {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a group needs a name");
            }
            aliases = List.copyOf(aliases == null ? List.of() : aliases);
            platforms = List.copyOf(platforms == null ? List.of() : platforms);
        }
    }

    /**
     * @param timeout    deadline of one whole fetch: connecting, every redirect hop and the full body
     * @param maxBytes   larger bodies are refused
     * @param userAgent  sent with every request
     * @param chromium   command for pages that need client scripts (headless {@code --dump-dom})
     */
    public record FetchConfig(Duration timeout, Long maxBytes, String userAgent, String chromium) {
        public static final FetchConfig DEFAULT = new FetchConfig(null, null, null, null);

        public FetchConfig {
            timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
            maxBytes = maxBytes == null ? 10_000_000L : maxBytes;
            userAgent = userAgent == null
                    ? "PolicyBot/0.1 (policy questions bot; +https://github.com/policybot)"
                    : userAgent;
            chromium = chromium == null ? "chromium" : chromium;
        }
    }

    /** A platform: display name, the other names people type, and its documents. */
    public record PlatformConfig(String name, List<String> aliases, List<DocumentConfig> documents) {
        public PlatformConfig {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a platform needs a name");
            }
            aliases = List.copyOf(aliases == null ? List.of() : aliases);
            documents = List.copyOf(documents == null ? List.of() : documents);
        }
    }

    /**
     * One document: its type and where it lives, an https {@code url} (with optional {@code select} / {@code remove}
     * CSS selectors and {@code executeClientScripts}, as in Open Terms Archive) or a local {@code path}
     * (.md, .html, .txt, .pdf).
     */
    public record DocumentConfig(
            String type,
            String url,

            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            List<Selector> select,

            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            List<Selector> remove,

            Boolean executeClientScripts,
            String path) {
        public DocumentConfig {
            if (type == null || type.isBlank()) {
                throw new IllegalArgumentException("a document needs a type (e.g. Terms of Service)");
            }
            select = List.copyOf(select == null ? List.of() : select);
            remove = List.copyOf(remove == null ? List.of() : remove);
            executeClientScripts = executeClientScripts != null && executeClientScripts;
        }
    }

    /** Loads {@code <configDir>/sources.yaml}; no file means no sources. */
    public static Loaded load(Path configDir) {
        Path file = configDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return new Loaded(
                    file,
                    new SourcesConfig(null, null, null, null, null, null),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of());
        }
        SourcesConfig config = YamlFiles.read(file, SourcesConfig.class);
        List<String> lines = readLines(file);
        List<Path> folders = config.folders().isEmpty()
                ? List.of(real(configDir))
                : config.folders().stream().map(f -> real(configDir.resolve(f))).toList();
        return new Loaded(
                file,
                config,
                folders,
                localPaths(file, lines, configDir, folders, "declarations", config.declarations()),
                localPaths(file, lines, configDir, folders, "archives", config.archives()),
                entries(file, lines, configDir, folders, config),
                GroupEntries.of(file, lines, config.groups()));
    }

    /**
     * The loaded file, resolved: local paths made absolute and checked, one entry per document.
     *
     * @param declarations declaration files or folders, each with a problem or none
     * @param archives     archive folders, each with a problem or none
     */
    public record Loaded(
            Path file,
            SourcesConfig config,
            List<Path> folders,
            List<LocalPath> declarations,
            List<LocalPath> archives,
            List<SourceEntry> entries,
            List<GroupEntries.Entry> groups) {
        public Loaded {
            folders = List.copyOf(folders);
            declarations = List.copyOf(declarations);
            archives = List.copyOf(archives);
            entries = List.copyOf(entries);
            groups = List.copyOf(groups);
        }

        /**
         * The groups with their platforms resolved against the known ones (these sources' and the archive's).
         *
         * @throws ConfigException naming file, line and key when a group lists a platform nobody knows
         */
        public List<PlatformGroup> groups(List<PlatformInfo> known) {
            return GroupEntries.resolve(groups, entries, known);
        }

        /** Whether {@code path} lies inside one of the allowed folders (after resolving links). */
        public boolean allowed(Path path) {
            return within(real(path), folders);
        }
    }

    /** A configured local file or folder; {@code problem} says why it cannot be used, or is {@code null}. */
    public record LocalPath(Path path, String origin, String problem) {}

    /**
     * One platform document, resolved.
     *
     * @param origin  "file, line N" of the entry, for messages
     * @param problem why this entry cannot be read, or {@code null}
     */
    public record SourceEntry(
            String platform,
            List<String> aliases,
            String document,
            String url,
            List<Selector> select,
            List<Selector> remove,
            boolean executeClientScripts,
            Path path,
            String origin,
            String problem) {
        public SourceEntry {
            aliases = List.copyOf(aliases);
            select = List.copyOf(select);
            remove = List.copyOf(remove);
        }
    }

    private static List<SourceEntry> entries(
            Path file, List<String> lines, Path configDir, List<Path> folders, SourcesConfig config) {
        List<SourceEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int p = 0; p < config.platforms().size(); p++) {
            PlatformConfig platform = config.platforms().get(p);
            int platformLine = lineOf(lines, "name", platform.name(), 0);
            for (int d = 0; d < platform.documents().size(); d++) {
                DocumentConfig doc = platform.documents().get(d);
                int line = lineOf(lines, "type", doc.type(), platformLine);
                String origin = file + ", line " + line + ", key platforms[" + p + "].documents[" + d + "]";
                Path path = doc.path() == null
                        ? null
                        : configDir.resolve(doc.path()).toAbsolutePath().normalize();
                String key = slug(platform.name()) + "/" + slug(doc.type());
                String problem = !seen.add(key)
                        ? "duplicate entry: " + platform.name() + " · " + doc.type() + " is listed twice"
                        : problem(doc, path, folders);
                entries.add(new SourceEntry(
                        platform.name(),
                        platform.aliases(),
                        doc.type(),
                        doc.url(),
                        doc.select(),
                        doc.remove(),
                        doc.executeClientScripts(),
                        path,
                        origin,
                        problem == null ? null : origin + ": " + problem));
            }
        }
        return entries;
    }

    private static String problem(DocumentConfig doc, Path path, List<Path> folders) {
        if (doc.url() == null && doc.path() == null) {
            return "neither url nor path is set";
        }
        if (doc.url() != null && doc.path() != null) {
            return "set url or path, not both";
        }
        if (doc.url() != null) {
            return urlProblem(doc.url());
        }
        return within(real(path), folders)
                ? null
                : "path " + path + " is outside the allowed folders " + folders + " (see 'folders')";
    }

    /**
     * Only https is fetched; plain http only from this machine (loopback), which tests use. This is the syntax
     * check at load time: outside tests the fetcher also refuses loopback, private and link-local addresses.
     */
    public static String urlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "'" + url + "' is not a valid URL (" + e.getReason() + ")";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null && (scheme.equals("https") || scheme.equals("http"))) {
            return "'" + url + "' has no host";
        }
        boolean loopback = uri.getHost() != null
                && (uri.getHost().equals("localhost")
                        || uri.getHost().startsWith("127.")
                        || uri.getHost().equals("[::1]"));
        if (scheme.equals("https") || (scheme.equals("http") && loopback)) {
            return null;
        }
        return "only https URLs are fetched, not '" + url + "'";
    }

    private static List<LocalPath> localPaths(
            Path file, List<String> lines, Path configDir, List<Path> folders, String key, List<String> values) {
        List<LocalPath> paths = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Path path = configDir.resolve(values.get(i)).toAbsolutePath().normalize();
            String origin = file + ", line " + lineOf(lines, null, values.get(i), lineOf(lines, key, null, 0))
                    + ", key " + key + "[" + i + "]";
            String problem = null;
            if (!within(real(path), folders)) {
                problem = origin + ": " + path + " is outside the allowed folders " + folders + " (see 'folders')";
            } else if (!Files.exists(path)) {
                problem = origin + ": " + path + " does not exist";
            }
            paths.add(new LocalPath(path, origin, problem));
        }
        return paths;
    }

    private static boolean within(Path path, List<Path> folders) {
        return folders.stream().anyMatch(path::startsWith);
    }

    /** The real path when it exists (links resolved), else the normalised absolute path. */
    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return Files.exists(absolute) ? absolute.toRealPath() : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }

    private static String slug(String text) {
        return Slugs.of(text);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** 1-based line at or after {@code from} holding {@code key: value} (either may be null); {@code from} if none. */
    static int lineOf(List<String> lines, String key, String value, int from) {
        for (int i = Math.max(0, from - 1); i < lines.size(); i++) {
            String line = lines.get(i);
            String code = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            if ((key == null || code.matches("^\\s*(-\\s+)?" + Pattern.quote(key) + "\\s*:.*"))
                    && (value == null || code.contains(value))) {
                return i + 1;
            }
        }
        return Math.max(from, 1);
    }
}
