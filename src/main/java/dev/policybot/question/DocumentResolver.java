package dev.policybot.question;

import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.SourceStatus;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.PlatformDirectory;
import dev.policybot.domain.port.SourceCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Finds the archived documents a person means: platforms by slug, display name or alias ("SoundCloud",
 * "soundcloud", "SC"); documents by slug, display name, initials ("ToS") or leading words ("terms", "privacy").
 */
public final class DocumentResolver {
    private final SourceCatalog catalog;
    private final PlatformDirectory platforms;

    /** @param platforms aliases of platforms, or {@code null} when none are known beyond the catalog */
    public DocumentResolver(SourceCatalog catalog, PlatformDirectory platforms) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.platforms = platforms == null ? List::of : platforms;
    }

    /**
     * The documents of the platform named {@code platform}: the one named {@code document}, or all of them when
     * {@code document} is {@code null} or blank.
     *
     * @throws UserFacingException (bad input) naming what is known when nothing matches
     */
    public List<SourceStatus> resolve(String platform, String document) {
        List<SourceStatus> all = catalog.sources().stream()
                .filter(s -> s.currentVersion() != null)
                .toList();
        String platformId = platformId(platform, all);
        List<SourceStatus> ofPlatform = all.stream()
                .filter(s -> s.platformId().equals(platformId))
                .sorted(Comparator.comparing(SourceStatus::documentId))
                .toList();
        if (document == null || document.isBlank()) {
            return ofPlatform;
        }
        return List.of(document(document, ofPlatform));
    }

    private String platformId(String name, List<SourceStatus> all) {
        String wanted = compact(name);
        for (SourceStatus source : all) {
            if (compact(source.platformId()).equals(wanted)
                    || compact(source.platform()).equals(wanted)) {
                return source.platformId();
            }
        }
        Set<String> archived = all.stream().map(SourceStatus::platformId).collect(Collectors.toSet());
        for (PlatformInfo info : platforms.platforms()) {
            boolean named = compact(info.id()).equals(wanted)
                    || compact(info.name()).equals(wanted)
                    || info.aliases().stream().anyMatch(alias -> compact(alias).equals(wanted));
            if (named && archived.contains(info.id())) {
                return info.id();
            }
        }
        throw UserFacingException.badInput("No archived platform is called '" + name + "'." + suggestion(name, all));
    }

    private static String suggestion(String name, List<SourceStatus> all) {
        String wanted = compact(name);
        List<String> close = all.stream()
                .filter(s -> distance(compact(s.platform()), wanted) <= 2
                        || compact(s.platform()).startsWith(wanted) && wanted.length() >= 3)
                .map(SourceStatus::platform)
                .distinct()
                .limit(5)
                .toList();
        return close.isEmpty()
                ? " The `sources` command lists the platforms."
                : " Did you mean " + String.join(" or ", close) + "?";
    }

    private static SourceStatus document(String name, List<SourceStatus> documents) {
        String wanted = Slugs.of(name);
        List<ToIntFunction<SourceStatus>> tests = List.of(
                d -> d.documentId().equals(wanted) || Slugs.of(d.document()).equals(wanted) ? 1 : 0,
                d -> initials(d.documentId()).equals(wanted.replace("-", "")) ? 1 : 0,
                d -> words(d.documentId()).containsAll(words(wanted)) ? 1 : 0,
                d -> words(d.documentId()).get(0).equals(words(wanted).get(0)) ? 1 : 0);
        for (ToIntFunction<SourceStatus> test : tests) {
            List<SourceStatus> found =
                    documents.stream().filter(d -> test.applyAsInt(d) == 1).toList();
            if (found.size() == 1) {
                return found.get(0);
            }
        }
        String known = documents.stream().map(SourceStatus::document).collect(Collectors.joining(", "));
        String platform =
                documents.isEmpty() ? "That platform" : documents.get(0).platform();
        throw UserFacingException.badInput(
                platform + " has no archived document called '" + name + "'. Its documents: " + known + ".");
    }

    private static List<String> words(String slug) {
        List<String> words = new ArrayList<>(List.of(Slugs.of(slug).split("-")));
        return words.isEmpty() ? List.of("") : words;
    }

    private static String initials(String slug) {
        return words(slug).stream()
                .filter(w -> !w.isEmpty())
                .map(w -> w.substring(0, 1))
                .collect(Collectors.joining());
    }

    /** Slug without hyphens, so that "Sound Cloud", "sound-cloud" and "SoundCloud" meet. */
    private static String compact(String name) {
        return Slugs.of(name).replace("-", "");
    }

    /** Levenshtein distance, for "did you mean". */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
