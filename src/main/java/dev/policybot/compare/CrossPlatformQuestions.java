package dev.policybot.compare;

import dev.policybot.domain.PlatformGroup;
import dev.policybot.domain.PlatformInfo;
import dev.policybot.question.PlatformDetector;
import dev.policybot.text.Words;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whether a question asks across platforms, and which: several platforms named ("kick or vimeo"), a group named
 * ("which music sites …", "AI tools"), or wording that asks across services ("which apps …", "do any …", "compare
 * …") with no platform named (then every platform). A question naming one platform stays a question about it. General
 * wording rules only: no question is matched as a whole.
 */
public final class CrossPlatformQuestions {
    /** "which apps", "what AI sites", "do any", "are there any", "compare", "versus", and German "welche Dienste". */
    private static final Pattern ACROSS = Pattern.compile("\\b((which|what)( \\w+){0,3} (sites?|apps?|platforms?"
            + "|services?|tools?|companies|ones|networks?|websites?|providers?|assistants?|generators?|chatbots?)"
            + "|which of|do any|does any|are there any|any of (them|these|those)|compare|comparing|versus|vs"
            + "|welche( \\w+){0,3} (dienste|apps|plattformen|seiten|anbieter|tools)|vergleich\\w*)\\b");

    private final PlatformScope scope;
    private volatile Detector detector;

    public CrossPlatformQuestions(PlatformScope scope) {
        this.scope = scope;
    }

    /** The platforms a cross-platform question asks about, in order; empty when it is not one. */
    public Optional<List<PlatformInfo>> platformsOf(String question) {
        String text = Words.normalize(question);
        boolean across = ACROSS.matcher(text).find();
        Set<String> named = detector().detect(question);
        List<PlatformGroup> groups = groupsNamed(text);
        if (named.size() == 1 && !across) {
            return Optional.empty(); // about one platform, even when it says "music sites"
        }
        Set<String> ids = new LinkedHashSet<>(named);
        groups.forEach(group -> ids.addAll(group.platformIds()));
        if (!groups.isEmpty() || named.size() >= 2 && (across || listed(text, named))) {
            return Optional.of(scope.indexed(List.copyOf(ids)));
        }
        if (across && named.isEmpty()) {
            return Optional.of(scope.resolve(List.of(), null));
        }
        return Optional.empty();
    }

    /**
     * Whether two of the named platforms are listed side by side ("tunebox or streamly", "Streamly, Tunebox",
     * "X und Y", "X vs. Y"), as a question across them lists them; a platform named only as a means or a place ("signed
     * up with my Facebook", "im Discord-Channel") is not asked about.
     */
    private boolean listed(String text, Set<String> named) {
        List<String> names = new ArrayList<>();
        for (PlatformInfo platform : scope.resolve(List.of(), null)) {
            if (named.contains(platform.id())) {
                names.add(Stream.concat(Stream.of(platform.id(), platform.name()), platform.aliases().stream())
                        .map(Words::normalize)
                        .filter(form -> !form.isEmpty())
                        .distinct()
                        .map(Pattern::quote)
                        .collect(Collectors.joining("|", "(?:", ")")));
            }
        }
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < names.size(); j++) {
                if (i != j
                        && Pattern.compile("\\b" + names.get(i) + " (?:(?:or|and|oder|und|vs|versus) )?(?:the )?"
                                        + names.get(j) + "\\b")
                                .matcher(text)
                                .find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Groups one of whose aliases ("music sites", "AI tools") occurs in the text as whole words. The bare name is not
     * enough: "my music" is no question about music sites.
     */
    private List<PlatformGroup> groupsNamed(String text) {
        String padded = " " + text + " ";
        return scope.groups().stream()
                .filter(group -> phrases(group).stream().anyMatch(p -> !p.isEmpty() && padded.contains(" " + p + " ")))
                .toList();
    }

    private static List<String> phrases(PlatformGroup group) {
        return group.aliases().stream().map(Words::normalize).toList();
    }

    /** The platform detector over the indexed platforms, rebuilt only when they change. */
    private PlatformDetector detector() {
        List<PlatformInfo> platforms = scope.resolve(List.of(), null);
        Detector cached = detector;
        if (cached == null || !cached.platforms.equals(platforms)) {
            cached = new Detector(platforms, new PlatformDetector(platforms));
            detector = cached;
        }
        return cached.detector;
    }

    private record Detector(List<PlatformInfo> platforms, PlatformDetector detector) {}
}
