package dev.policybot.question;

import dev.policybot.domain.PlatformInfo;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the platforms a question names: display names, slugs, aliases, well-known other names ("twitter" for X),
 * possessives ("soundcloud's"), names written together or apart ("hugging face", "huggingface") and small misspellings
 * ("spotfy"). When a name is part of a longer one that is also named ("microsoft … copilot"), only the longer counts.
 * No platform named → an empty set, which callers read as "all platforms".
 */
public final class PlatformDetector {

    /** Other names people use, keyed by platform slug; used only for platforms that are indexed. */
    private static final Map<String, List<String>> WELL_KNOWN = Map.ofEntries(
            Map.entry("x", List.of("twitter", "tweet", "tweets", "x com", "x corp")),
            Map.entry(
                    "google-generative-ai-services",
                    List.of("gemini", "google gemini", "bard", "google ai", "google generative ai", "notebooklm")),
            Map.entry(
                    "apple-media-services",
                    List.of("itunes", "itunes store", "apple music", "apple tv", "apple media", "apple podcasts")),
            Map.entry("chatgpt", List.of("openai", "open ai", "chat gpt", "dall e", "dalle", "sora", "gpt")),
            Map.entry("claude-ai", List.of("claude", "anthropic")),
            Map.entry("le-chat", List.of("mistral", "mistral ai")),
            Map.entry("microsoft-copilot", List.of("copilot", "bing chat", "microsoft copilot")),
            Map.entry("github-copilot", List.of("github copilot")),
            Map.entry("facebook", List.of("fb")),
            Map.entry("instagram", List.of("insta", "ig")),
            Map.entry("youtube", List.of("yt", "youtube music", "content id")),
            Map.entry("meta-ai", List.of("meta ai", "llama")),
            Map.entry("grok", List.of("xai", "x ai")),
            Map.entry("stability-ai", List.of("stable diffusion", "stability")),
            Map.entry("deepseek", List.of("deep seek")),
            Map.entry("wordpress-com", List.of("wordpress")),
            Map.entry("last-fm", List.of("lastfm", "last fm")),
            Map.entry("amazon-music", List.of("amazon music")),
            Map.entry("stack-overflow", List.of("stackoverflow")),
            Map.entry("soundraw", List.of("sound raw")),
            Map.entry("hugging-face", List.of("huggingface", "hf hub")));

    /** Single words that are platform names but also everyday words: they count only when capitalised. */
    private static final Set<String> EVERYDAY_WORDS = Set.of("kick", "x");

    /** Everyday words one edit away from a platform name: never read as a misspelling of it. */
    private static final Set<String> NOT_MISSPELLINGS = Set.of(
            "discard",
            "tumble",
            "flicker",
            "thread",
            "deeper",
            "kicks",
            "zooms",
            "twitchy",
            "quoted",
            "substance",
            "murky",
            "sportify");

    private static final Set<String> GENERIC_TOKENS =
            Set.of("ai", "services", "service", "com", "media", "store", "app", "the", "inc", "policy", "terms");

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern POSSESSIVE = java.util.regex.Pattern.compile("(?i)['’]s\\b");
    private static final java.util.regex.Pattern NON_WORD = java.util.regex.Pattern.compile("[^\\p{Alnum}]+");

    private final List<Pattern> patterns = new ArrayList<>();
    /**
     * Which patterns a question's words can match at all, so that a question is checked against a handful of the
     * names rather than all of them (hundreds of platforms have thousands): by the first word of a name (an exact or
     * scattered match needs it), by the name written as one word (a joined match equals a word or two adjacent words),
     * and, for names that may be misspelt, by their first letter (a misspelling keeps it).
     */
    private final Map<String, List<Integer>> byFirstToken = new HashMap<>();

    private final Map<String, List<Integer>> byWhole = new HashMap<>();
    private final Map<Character, List<Integer>> misspeltByInitial = new HashMap<>();

    public PlatformDetector(List<PlatformInfo> platforms) {
        for (PlatformInfo platform : platforms) {
            Set<String> names = new LinkedHashSet<>();
            names.add(platform.name());
            names.add(platform.id().replace('-', ' '));
            names.addAll(platform.aliases());
            names.addAll(WELL_KNOWN.getOrDefault(platform.id(), List.of()));
            Set<List<String>> declared = new HashSet<>();
            names.forEach(name -> declared.add(tokens(name)));
            // "Claude" of Claude.ai, "Last" of Last.fm: often an everyday word, so only a capitalised word counts
            List<String> beforeDot = platform.name().contains(".")
                    ? tokens(platform.name().substring(0, platform.name().indexOf('.')))
                    : List.of();
            if (!beforeDot.isEmpty() && !declared.contains(beforeDot)) {
                patterns.add(new Pattern(platform.id(), beforeDot, false, String.join("", beforeDot), true));
            }
            Set<String> own =
                    new HashSet<>(List.of(platform.name(), platform.id().replace('-', ' ')));
            for (String name : names) {
                List<String> tokens = tokens(name);
                if (!tokens.isEmpty()) {
                    patterns.add(
                            new Pattern(platform.id(), tokens, own.contains(name), String.join("", tokens), false));
                }
            }
        }
        for (int i = 0; i < patterns.size(); i++) {
            Pattern pattern = patterns.get(i);
            byFirstToken
                    .computeIfAbsent(pattern.tokens.get(0), k -> new ArrayList<>())
                    .add(i);
            byWhole.computeIfAbsent(pattern.whole, k -> new ArrayList<>()).add(i);
            if (pattern.tokens.size() == 1 && pattern.fuzzy) {
                misspeltByInitial
                        .computeIfAbsent(pattern.whole.charAt(0), k -> new ArrayList<>())
                        .add(i);
            }
        }
    }

    /** The patterns that could match {@code words}, in the order of {@link #patterns} (which decides ties). */
    private List<Pattern> candidates(List<Token> words) {
        BitSet chosen = new BitSet(patterns.size());
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i).lower;
            byFirstToken.getOrDefault(word, List.of()).forEach(chosen::set);
            byWhole.getOrDefault(word, List.of()).forEach(chosen::set);
            misspeltByInitial.getOrDefault(word.charAt(0), List.of()).forEach(chosen::set);
            if (i + 1 < words.size()) {
                byWhole.getOrDefault(word + words.get(i + 1).lower, List.of()).forEach(chosen::set);
            }
        }
        List<Pattern> found = new ArrayList<>(chosen.cardinality());
        chosen.stream().forEach(i -> found.add(patterns.get(i)));
        return found;
    }

    /** The slugs of the platforms named in {@code text}, in the order they are first named. */
    public Set<String> detect(String text) {
        List<Token> words = words(text);
        Map<String, Match> best = new LinkedHashMap<>();
        for (Pattern pattern : candidates(words)) {
            Match match = pattern.find(words);
            if (match != null) {
                best.merge(pattern.platformId, match, (a, b) -> b.covered.size() > a.covered.size() ? b : a);
            }
        }
        List<Map.Entry<String, Match>> found = new ArrayList<>(best.entrySet());
        found.removeIf(e -> found.stream()
                .anyMatch(other -> other != e
                        && other.getValue().covered.containsAll(e.getValue().covered)
                        && other.getValue().covered.size()
                                > e.getValue().covered.size()));
        found.sort(Comparator.comparingInt(e -> e.getValue().position));
        Set<String> ids = new LinkedHashSet<>();
        found.forEach(e -> ids.add(e.getKey()));
        return ids;
    }

    /**
     * The words of {@code text} that name a platform, lower case without diacritics ("hugging", "face", "gemini"),
     * leaving out the generic words of names ("ai", "app"): once the platform is chosen they say nothing about which
     * of its clauses answer.
     */
    public Set<String> nameWords(String text) {
        List<Token> words = words(text);
        Set<String> named = new LinkedHashSet<>();
        for (Pattern pattern : candidates(words)) {
            Match match = pattern.find(words);
            if (match != null) {
                match.covered.stream()
                        .map(i -> words.get(i).lower)
                        .filter(w -> !GENERIC_TOKENS.contains(w))
                        .forEach(named::add);
            }
        }
        return named;
    }

    private static List<String> tokens(String text) {
        return words(text).stream().map(Token::lower).toList();
    }

    private static List<Token> words(String text) {
        String ascii = MARKS.matcher(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD))
                .replaceAll("");
        ascii = POSSESSIVE.matcher(ascii).replaceAll(" ").replace('’', '\'');
        List<Token> out = new ArrayList<>();
        for (String raw : NON_WORD.split(ascii)) {
            if (!raw.isEmpty()) {
                out.add(new Token(raw, raw.toLowerCase(Locale.ROOT)));
            }
        }
        return out;
    }

    private record Token(String original, String lower) {
        boolean capitalised() {
            return Character.isUpperCase(original.charAt(0));
        }
    }

    private record Match(int position, Set<Integer> covered) {}

    /**
     * @param fuzzy       whether small misspellings count (display names and slugs only, never aliases)
     * @param whole       the name's words written together
     * @param capitalised whether it counts only written with a capital, and not as the question's first word (the
     *                    part of a name before its dot)
     */
    private record Pattern(String platformId, List<String> tokens, boolean fuzzy, String whole, boolean capitalised) {

        Match find(List<Token> words) {
            Match exact = contiguous(words);
            if (exact != null || capitalised) {
                return exact;
            }
            Match joined = joined(words);
            return joined != null ? joined : scattered(words);
        }

        private Match contiguous(List<Token> words) {
            for (int i = 0; i + tokens.size() <= words.size(); i++) {
                if (capitalised && (i == 0 || !words.get(i).capitalised())) {
                    continue;
                }
                boolean all = true;
                for (int j = 0; j < tokens.size() && all; j++) {
                    all = matches(tokens.get(j), words.get(i + j), tokens.size() == 1 && fuzzy, tokens.size() == 1);
                }
                if (all) {
                    return new Match(i, range(i, tokens.size()));
                }
            }
            return null;
        }

        /** "hugging face" written "huggingface", or "soundcloud" written "sound cloud". */
        private Match joined(List<Token> words) {
            if (whole.length() < 5) {
                return null;
            }
            for (int i = 0; i < words.size(); i++) {
                if (tokens.size() > 1 && words.get(i).lower.equals(whole)) {
                    return new Match(i, range(i, 1));
                }
                if (i + 1 < words.size() && (words.get(i).lower + words.get(i + 1).lower).equals(whole)) {
                    return new Match(i, range(i, 2));
                }
            }
            return null;
        }

        /** Every distinctive word of a multi-word name somewhere in the question ("microsoft … copilot"). */
        private Match scattered(List<Token> words) {
            if (tokens.size() < 2 || tokens.stream().anyMatch(GENERIC_TOKENS::contains)) {
                return null;
            }
            Set<Integer> covered = new HashSet<>();
            for (String token : tokens) {
                int at = -1;
                for (int i = 0; i < words.size() && at < 0; i++) {
                    if (words.get(i).lower.equals(token)) {
                        at = i;
                    }
                }
                if (at < 0) {
                    return null;
                }
                covered.add(at);
            }
            return new Match(covered.stream().min(Integer::compare).orElse(0), covered);
        }

        private static boolean matches(String token, Token word, boolean fuzzy, boolean alone) {
            if (word.lower.equals(token)) {
                return !alone
                        || !EVERYDAY_WORDS.contains(token)
                        || word.original.equals(word.original.toUpperCase(Locale.ROOT))
                        || word.capitalised() && token.length() > 1;
            }
            return fuzzy
                    && token.length() >= 6
                    && word.lower.charAt(0) == token.charAt(0)
                    && !NOT_MISSPELLINGS.contains(word.lower)
                    && editDistance(token, word.lower) <= 1;
        }

        private static Set<Integer> range(int from, int count) {
            Set<Integer> covered = new HashSet<>();
            for (int i = from; i < from + count; i++) {
                covered.add(i);
            }
            return covered;
        }
    }

    /** Optimal-string-alignment distance (a swap of neighbours counts as one edit). */
    static int editDistance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return 3;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
