package dev.policybot.question;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The curated German→English glossary of policy vocabulary ({@value #RESOURCE}), with French wording for the core
 * policy terms. Turns a German question into English words one word or phrase at a time (inflected forms through
 * the rows' stems and common endings, compounds through their known parts), and gives the French wording of an
 * English question's core terms so that French policy texts stay findable. Immutable and thread-safe.
 */
final class Glossary {
    static final String RESOURCE = "policybot/glossary-de-en.tsv";
    static final String DROP = "-";

    /** German inflection endings tried, longest first, when a word is not listed as written. */
    private static final List<String> ENDINGS =
            List.of("ern", "ten", "en", "er", "es", "em", "st", "et", "te", "e", "n", "s", "t");
    /** A stem row ({@code verkauf*}) covers endings up to this long; longer ones only as a last resort. */
    private static final int SHORT_TAIL = 5;
    /** Compound parts shorter than this are not looked up (they match too much by chance). */
    private static final int MIN_PART = 3;

    /**
     * One row.
     *
     * @param german  folded words; a word ending in {@code *} is a stem
     * @param english English alternatives, the first is the translation ({@link #DROP} drops the word)
     * @param french  French wording, empty for rows that are not core policy terms
     * @param line    line in the resource, for messages
     */
    record Entry(List<String> german, List<String> english, List<String> french, int line) {
        String key() {
            return String.join(" ", german);
        }
    }

    /** A question turned into English words, and what was added on the way. */
    record Translation(String english, List<String> extras, List<String> french, List<String> matched) {}

    private final String version;
    private final Map<String, Entry> words = new HashMap<>();
    private final List<Entry> stems = new ArrayList<>();
    private final List<Entry> phrases = new ArrayList<>();
    private final List<Entry> core = new ArrayList<>();

    Glossary(ResourceTable table) {
        this.version = table.version();
        for (ResourceTable.Row row : table.rows()) {
            Entry entry = entry(table.name(), row);
            if (entry.german().size() > 1) {
                phrases.add(entry);
            } else if (entry.german().get(0).endsWith("*")) {
                stems.add(entry);
            } else if (words.putIfAbsent(entry.german().get(0), entry) != null) {
                throw row.problem(table.name(), "'" + entry.key() + "' is listed twice");
            }
            if (!entry.french().isEmpty()) {
                core.add(entry);
            }
        }
        stems.sort(
                Comparator.comparingInt((Entry e) -> e.german().get(0).length()).reversed());
        phrases.sort(Comparator.comparingInt((Entry e) -> e.german().size()).reversed());
    }

    static Glossary load() {
        return new Glossary(ResourceTable.load(RESOURCE));
    }

    private static Entry entry(String name, ResourceTable.Row row) {
        List<String> german = new ArrayList<>();
        for (String word : row.cell(0).split("\\s+")) {
            boolean stem = word.endsWith("*");
            String folded = String.join(" ", QueryWords.tokens(stem ? word.substring(0, word.length() - 1) : word));
            german.addAll(List.of((folded + (stem ? "*" : "")).split(" ")));
        }
        List<String> english = ResourceTable.alternatives(row.cell(1));
        if (german.isEmpty() || german.get(0).isEmpty() || english.isEmpty()) {
            throw row.problem(name, "a row needs a German word and an English translation");
        }
        return new Entry(List.copyOf(german), english, ResourceTable.alternatives(row.cell(2)), row.line());
    }

    String version() {
        return version;
    }

    int size() {
        return words.size() + stems.size() + phrases.size();
    }

    /** The German {@code question} in English words, in its order; unknown words (names) are kept as typed. */
    Translation fromGerman(String question) {
        List<String> raw = QueryWords.raw(question);
        List<String> folded = QueryWords.tokens(question);
        Builder out = new Builder();
        for (int i = 0; i < folded.size(); ) {
            Entry phrase = phraseAt(phrases, folded, i, Entry::german);
            if (phrase != null) {
                out.add(phrase);
                i += phrase.german().size();
                continue;
            }
            List<Entry> parts = lookup(folded.get(i));
            if (parts.isEmpty()) {
                out.keep(raw.get(i));
            }
            parts.forEach(out::add);
            i++;
        }
        return out.build();
    }

    /** A French {@code question} in English words, through the core rows; other words are kept as typed. */
    Translation fromFrench(String question) {
        List<String> raw = QueryWords.raw(question);
        List<String> folded = QueryWords.tokens(question);
        Builder out = new Builder();
        for (int i = 0; i < folded.size(); ) {
            Match match = frenchAt(folded, i);
            if (match == null) {
                out.keep(raw.get(i));
                i++;
            } else {
                out.add(match.entry());
                i += match.length();
            }
        }
        return out.build();
    }

    /** The French wording of the core policy terms in an English {@code text}, e.g. "delete my account". */
    List<String> frenchFor(String text) {
        List<String> stemmed =
                QueryWords.tokens(text).stream().map(Glossary::englishStem).toList();
        Set<String> french = new LinkedHashSet<>();
        for (Entry entry : core) {
            for (String english : entry.english()) {
                List<String> words = QueryWords.tokens(english).stream()
                        .map(Glossary::englishStem)
                        .toList();
                if (!words.isEmpty() && indexOf(stemmed, words) >= 0) {
                    french.addAll(entry.french());
                    break;
                }
            }
        }
        return List.copyOf(french);
    }

    /** The rows covering one German word: itself, an inflected form, a participle, or the parts of a compound. */
    List<Entry> lookup(String word) {
        Entry simple = simple(word, SHORT_TAIL);
        if (simple != null) {
            return List.of(simple);
        }
        if (word.startsWith("ge") && word.length() >= 6) {
            Entry participle = simple(word.substring(2), 2);
            if (participle != null) {
                return List.of(participle);
            }
        }
        List<Entry> parts = split(word);
        if (!parts.isEmpty()) {
            return parts;
        }
        for (Entry stem : stems) {
            String prefix =
                    stem.german().get(0).substring(0, stem.german().get(0).length() - 1);
            if (prefix.length() >= 4 && word.startsWith(prefix)) {
                return List.of(stem);
            }
        }
        return List.of();
    }

    private Entry simple(String word, int maxTail) {
        Entry exact = words.get(word);
        if (exact != null) {
            return exact;
        }
        for (String ending : ENDINGS) {
            if (word.length() - ending.length() >= MIN_PART && word.endsWith(ending)) {
                Entry stripped = words.get(word.substring(0, word.length() - ending.length()));
                if (stripped != null) {
                    return stripped;
                }
            }
        }
        for (Entry stem : stems) {
            String prefix =
                    stem.german().get(0).substring(0, stem.german().get(0).length() - 1);
            if (word.startsWith(prefix) && word.length() - prefix.length() <= maxTail) {
                return stem;
            }
        }
        return null;
    }

    /** "datenweitergabe" → daten + weitergabe; the longest known first part wins; linking s/n/en via the endings. */
    private List<Entry> split(String word) {
        for (int cut = word.length() - MIN_PART; cut >= MIN_PART; cut--) {
            Entry first = simple(word.substring(0, cut), 2);
            if (first == null || first.english().get(0).equals(DROP)) {
                continue;
            }
            String rest = word.substring(cut);
            Entry second = simple(rest, SHORT_TAIL);
            List<Entry> tail = second != null ? List.of(second) : split(rest);
            if (!tail.isEmpty()) {
                List<Entry> parts = new ArrayList<>();
                parts.add(first);
                parts.addAll(tail);
                return parts;
            }
        }
        return List.of();
    }

    private static <T> T phraseAt(List<T> rows, List<String> folded, int at, Function<T, List<String>> wordsOf) {
        for (T row : rows) {
            List<String> pattern = wordsOf.apply(row);
            if (at + pattern.size() <= folded.size() && matchesAt(pattern, folded, at)) {
                return row;
            }
        }
        return null;
    }

    private static boolean matchesAt(List<String> pattern, List<String> folded, int at) {
        for (int j = 0; j < pattern.size(); j++) {
            String p = pattern.get(j);
            String w = folded.get(at + j);
            boolean ok = p.endsWith("*") ? w.startsWith(p.substring(0, p.length() - 1)) : w.equals(p);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private record Match(Entry entry, int length) {}

    private Match frenchAt(List<String> folded, int at) {
        Match best = null;
        for (Entry entry : core) {
            for (String french : entry.french()) {
                List<String> words = QueryWords.tokens(french);
                boolean fits = !words.isEmpty()
                        && at + words.size() <= folded.size()
                        && (best == null || words.size() > best.length());
                if (fits && matchesAt(words, folded, at)) {
                    best = new Match(entry, words.size());
                }
            }
        }
        return best;
    }

    private static int indexOf(List<String> text, List<String> phrase) {
        for (int i = 0; i + phrase.size() <= text.size(); i++) {
            if (text.subList(i, i + phrase.size()).equals(phrase)) {
                return i;
            }
        }
        return -1;
    }

    /** Enough English stemming to match "deleting"/"delete" and "accounts"/"account". */
    static String englishStem(String word) {
        String w = word;
        if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            w = w.substring(0, w.length() - 1);
        }
        return w.length() > 4 && w.endsWith("e") ? w.substring(0, w.length() - 1) : w;
    }

    /** Collects a translation in order, without repeating added words. */
    private static final class Builder {
        private final List<String> english = new ArrayList<>();
        private final Set<String> extras = new LinkedHashSet<>();
        private final Set<String> french = new LinkedHashSet<>();
        private final List<String> matched = new ArrayList<>();

        void add(Entry entry) {
            String first = entry.english().get(0);
            if (!first.equals(DROP)) {
                english.add(first);
            }
            extras.addAll(entry.english().subList(1, entry.english().size()));
            french.addAll(entry.french());
            matched.add(entry.key());
        }

        void keep(String word) {
            english.add(word);
        }

        Translation build() {
            extras.removeAll(english);
            return new Translation(
                    String.join(" ", english), List.copyOf(extras), List.copyOf(french), List.copyOf(matched));
        }
    }
}
