package dev.policybot.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.VersionHistory;
import dev.policybot.text.TextFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an archive folder in either layout of ARCHITECTURE.md:
 * <ul>
 *   <li>dated: {@code <service>/<document>/<YYYY-MM-DD>.md}, with an optional {@code manifest.json} (array of
 *       {service, termsType, path, date, fetchUrl}) or per-document {@code state.json} giving display names and
 *       URLs; without either, names are made from the folder names;</li>
 *   <li>single-version: {@code <Service>/<Document type>.md}; the folder and file names are the display names and
 *       the file's modification day is the version date.</li>
 * </ul>
 * Platform and document ids are {@link Slugs} of the folder and file names. When one day has several files
 * ({@code 2026-08-17.md}, {@code 2026-08-17.2.md}, …, as our own archive writes them), the last is that day's version.
 */
public final class ArchiveImport {
    private static final Pattern DATED = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:\\.(\\d+))?\\.md");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveImport.class);

    private ArchiveImport() {}

    /** Larger archive files are refused: the default of {@code fetch.maxBytes}. */
    public static final long MAX_FILE_BYTES = 10_000_000L;

    /** Every version in {@code dir}, sorted by document then date; files over {@link #MAX_FILE_BYTES} are refused. */
    public static List<PolicyVersion> read(Path dir) {
        return read(dir, MAX_FILE_BYTES);
    }

    /**
     * Every version in {@code dir}, sorted by document then date. Symbolic links are never followed (a link inside
     * the archive could make any file the bot can read quotable); they, files over {@code maxBytes} and dated
     * files whose name is no day are refused, each with a warning naming it and why, and the rest is read.
     */
    public static List<PolicyVersion> read(Path dir, long maxBytes) {
        if (!Files.isDirectory(dir)) {
            throw UserFacingException.badInput("archive folder " + dir + " does not exist or is not a folder");
        }
        Path root = realPath(dir);
        Map<String, JsonNode> manifest = manifest(root);
        Map<String, TreeMap<String, Path>> datedFiles = new TreeMap<>();
        List<PolicyVersion> singles = new ArrayList<>();
        for (Path file : candidates(root, maxBytes)) {
            Path relative = root.relativize(file);
            String name = file.getFileName().toString();
            if (relative.getNameCount() == 3 && DATED.matcher(name).matches() && day(name) == null) {
                refuse(file, "its name is not a day (YYYY-MM-DD.md)");
            } else if (relative.getNameCount() == 3 && DATED.matcher(name).matches()) {
                String folder = relative.getParent().toString();
                datedFiles.computeIfAbsent(folder, k -> new TreeMap<>()).put(sortKey(name), file);
            } else if (relative.getNameCount() == 2
                    && name.toLowerCase(Locale.ROOT).endsWith(".md")) {
                singles.add(singleVersion(file));
            }
        }
        List<PolicyVersion> versions = new ArrayList<>(distinctIds(singles));
        datedFiles.values().forEach(days -> versions.addAll(datedVersions(root, days, manifest)));
        return VersionHistory.sorted(versions);
    }

    /** The archive's regular files up to three levels deep, links and oversized files refused, in name order. */
    private static List<Path> candidates(Path root, long maxBytes) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root, 3)) { // walk does not follow links without FOLLOW_LINKS
            for (Path path : paths.sorted().toList()) {
                BasicFileAttributes attributes =
                        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink()) {
                    refuse(path, "it is a symbolic link, and links in an archive are never followed");
                } else if (attributes.isRegularFile() && attributes.size() > maxBytes) {
                    refuse(path, "it is larger than the " + maxBytes + "-byte limit");
                } else if (attributes.isRegularFile()) {
                    files.add(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list archive folder " + root, e);
        }
        return files;
    }

    /** The archive folder itself may be a link (the operator chose it); everything is judged inside its real path. */
    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve archive folder " + dir, e);
        }
    }

    /**
     * Single-version folders or files whose names differ only in case or punctuation ("GitHub", "Github") would get the same
     * slug; each later one (in name order) gets "-2", "-3"… so that no document overwrites another.
     */
    private static List<PolicyVersion> distinctIds(List<PolicyVersion> versions) {
        Map<String, String> platformIds = new TreeMap<>();
        Map<String, String> documentIds = new TreeMap<>();
        Set<String> usedPlatforms = new HashSet<>();
        Set<String> usedDocuments = new HashSet<>();
        List<PolicyVersion> out = new ArrayList<>();
        for (PolicyVersion v : versions) {
            String platformId = platformIds.computeIfAbsent(
                    v.platform() + "\u0000" + v.platformId(), k -> unique(v.platformId(), usedPlatforms, ""));
            String documentId = documentIds.computeIfAbsent(
                    platformId + "/" + v.document() + "\u0000" + v.documentId(),
                    k -> unique(v.documentId(), usedDocuments, platformId + "/"));
            out.add(new PolicyVersion(platformId, v.platform(), documentId, v.document(), v.date(), v.url(), v.text()));
        }
        return out;
    }

    private static String unique(String id, Set<String> used, String scope) {
        String candidate = id;
        for (int n = 2; !used.add(scope + candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    /** The day a dated file's name gives, or {@code null} when it is no day ("2024-99-99.md"). */
    private static LocalDate day(String fileName) {
        Matcher m = DATED.matcher(fileName);
        try {
            return m.matches() ? LocalDate.parse(m.group(1)) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A file left out of the import, said with the reason; the rest of the archive is still read. */
    private static void refuse(Path file, String reason) {
        LOG.warn("Archive file {} refused: {}", file, reason);
    }

    /** "2026-08-17.2.md" sorts after "2026-08-17.md", and "2026-08-17.10.md" after "….9.md". */
    private static String sortKey(String fileName) {
        Matcher m = DATED.matcher(fileName);
        m.matches();
        int n = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        return m.group(1) + String.format("#%06d", n);
    }

    private static List<PolicyVersion> datedVersions(
            Path dir, TreeMap<String, Path> files, Map<String, JsonNode> manifest) {
        Map<String, Path> lastOfDay = new TreeMap<>();
        files.forEach((key, file) -> lastOfDay.put(key.substring(0, 10), file));
        Path docDir = files.firstEntry().getValue().getParent();
        JsonNode state = readJson(docDir.resolve("state.json"));
        String platformFolder = docDir.getParent().getFileName().toString();
        String documentFolder = docDir.getFileName().toString();
        List<PolicyVersion> versions = new ArrayList<>();
        lastOfDay.forEach((day, file) -> {
            JsonNode entry = manifest.get(dir.relativize(file).toString().replace('\\', '/'));
            String platform = firstText(entry, "service", state, "platform", titleCase(platformFolder));
            String document = firstText(entry, "termsType", state, "document", titleCase(documentFolder));
            String url = firstText(entry, "fetchUrl", state, "url", null);
            versions.add(new PolicyVersion(
                    Slugs.of(platformFolder),
                    platform,
                    Slugs.of(documentFolder),
                    document,
                    LocalDate.parse(day),
                    url,
                    readText(file)));
        });
        return versions;
    }

    private static PolicyVersion singleVersion(Path file) {
        String platform = file.getParent().getFileName().toString();
        String fileName = file.getFileName().toString();
        String document = fileName.substring(0, fileName.length() - ".md".length());
        try {
            LocalDate day = LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC);
            return new PolicyVersion(
                    Slugs.of(platform), platform, Slugs.of(document), document, day, null, readText(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Map<String, JsonNode> manifest(Path dir) {
        Map<String, JsonNode> byPath = new HashMap<>();
        JsonNode manifest = readJson(dir.resolve("manifest.json"));
        if (manifest != null && manifest.isArray()) {
            for (JsonNode entry : manifest) {
                if (entry.hasNonNull("path")) {
                    byPath.put(entry.get("path").asText(), entry);
                }
            }
        }
        return byPath;
    }

    /** Opened without following a link, so a file swapped for a link after the walk is not read either. */
    private static String readText(Path file) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return TextFiles.decode(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw UserFacingException.badInput(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String firstText(JsonNode a, String aField, JsonNode b, String bField, String fallback) {
        if (a != null && a.hasNonNull(aField) && !a.get(aField).asText().isBlank()) {
            return a.get(aField).asText();
        }
        if (b != null && b.hasNonNull(bField) && !b.get(bField).asText().isBlank()) {
            return b.get(bField).asText();
        }
        return fallback;
    }

    /** "terms-of-service" → "Terms of Service". */
    static String titleCase(String slug) {
        StringBuilder out = new StringBuilder();
        for (String word : slug.split("[-_\\s]+")) {
            if (word.isEmpty()) {
                continue;
            }
            boolean small = out.length() > 0
                    && List.of("of", "and", "for", "the", "to", "on", "in", "a").contains(word);
            out.append(out.length() == 0 ? "" : " ")
                    .append(small ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }
}
