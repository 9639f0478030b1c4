package dev.policybot.history;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Clause;
import dev.policybot.domain.Outcome;
import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.SourceStatus;
import dev.policybot.domain.StatedDate;
import dev.policybot.domain.Topic;
import dev.policybot.domain.change.HistoryNote;
import dev.policybot.domain.port.ClauseSplitter;
import dev.policybot.domain.port.SourceCatalog;
import dev.policybot.domain.port.VersionSource;
import dev.policybot.text.Sentences;
import dev.policybot.text.Words;
import dev.policybot.topic.TopicClassifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds the history line of an answer: the newest change, on the question's topics, of the documents the answer cites
 * (then of the same platforms' other documents), in which a sentence on those topics left the text. Sentences are
 * compared as normalised words without digits, and a sentence counts as gone only when its words occur nowhere in the
 * newer version; so formatting, renumbering, re-extraction and moved passages never make a line. With a day asked
 * about, the line tells of the first such change after it.
 */
public final class AnswerHistory {
    /** Sentences shorter than this (in words) are headings or fragments, never quoted as history. */
    private static final int MIN_WORDS = 6;
    /** A gone sentence this close (word overlap) to one that came in was reworded, not replaced. */
    private static final double REWORDED = 0.6;

    private static final long CATALOG_TTL_NANOS = 60_000_000_000L;
    /** Meaningful words a quoted change must share with the question and the answer's quotes. */
    private static final int MIN_SHARED = 3;
    /** Meaningful words of the question itself a quoted change must have. */
    private static final int MIN_ASKED = 2;
    /** The target of a Markdown link, whose words are not the policy's. */
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)");

    private final VersionSource versions;
    private final SourceCatalog catalog;
    private final ClauseSplitter splitter;
    private final TopicClassifier topics;
    private final Map<String, DocumentEvents> cache = new ConcurrentHashMap<>();
    private volatile Catalog catalogSnapshot;
    /** Quotes found in their clause, by version and sentence (a version is split only to find its clause). */
    private final Map<String, Optional<Citation>> located = new ConcurrentHashMap<>();

    public AnswerHistory(
            VersionSource versions, SourceCatalog catalog, ClauseSplitter splitter, TopicClassifier topics) {
        this.versions = versions;
        this.catalog = catalog;
        this.splitter = splitter;
        this.topics = topics;
    }

    /**
     * Works out the changes of every archived document now, so that no later question pays for reading a document's
     * history the first time it cites it (the bot runs this in the background when it starts).
     */
    public void warmUp() {
        sources().keySet().forEach(this::events);
    }

    /** As {@link #noteFor(Answer, String, Set, LocalDate)}, related to the answer's quotes alone. */
    public Optional<HistoryNote> noteFor(Answer answer, Set<Topic> wanted, LocalDate asOf) {
        return noteFor(answer, "", wanted, asOf);
    }

    /**
     * @param question the question as asked; its words and the answer's quotes are what a quoted change must be about
     * @param wanted   the question's topics (when empty, those of the answer's first quote)
     * @param asOf     the day the question asked about, or {@code null} for today
     */
    public Optional<HistoryNote> noteFor(Answer answer, String question, Set<Topic> wanted, LocalDate asOf) {
        if (answer.outcome() != Outcome.ANSWERED || answer.citations().isEmpty()) {
            return Optional.empty();
        }
        Set<Topic> about =
                wanted.isEmpty() ? topics.topicsOf(answer.citations().get(0).quote()) : wanted;
        if (about.isEmpty()) {
            return Optional.empty();
        }
        Set<String> asked = new HashSet<>(Words.contentTerms(question));
        answer.citations().forEach(c -> {
            asked.removeAll(Words.contentTerms(c.clause().platform()));
            asked.remove(c.clause().platformId());
        });
        Set<String> anchors = new HashSet<>(asked);
        answer.citations().forEach(c -> anchors.addAll(Words.contentTerms(c.quote())));
        Relevance relevant = new Relevance(about, asked, anchors, topics);
        Change best = newest(cited(answer), relevant, asOf);
        if (best == null) {
            best = newest(otherDocumentsOfTheCitedPlatforms(answer), relevant, asOf);
        }
        return best == null ? Optional.empty() : Optional.ofNullable(note(best, answer, relevant, asOf));
    }

    /** Newest first (substantive before reworded); with {@code asOf}, the first change after that day. */
    private static boolean better(Change change, Change best, LocalDate asOf) {
        if (asOf != null) {
            return change.changed.isAfter(asOf) && (best == null || change.changed.isBefore(best.changed));
        }
        if (best == null || change.substantive != best.substantive) {
            return best == null || change.substantive;
        }
        return change.changed.isAfter(best.changed);
    }

    private Change newest(List<String> documents, Relevance about, LocalDate asOf) {
        Change best = null;
        for (String document : documents) {
            DocumentEvents events = events(document);
            for (Change change : events.changes) {
                if (better(change, best, asOf) && told(change, about, asOf, events)) {
                    best = change;
                }
            }
        }
        return best;
    }

    /**
     * Whether the change took out a sentence about the question; as of a day, one that was in force that day (a
     * passage that came and went after it is no "earlier wording" to someone asking about that day).
     */
    private static boolean told(Change change, Relevance about, LocalDate asOf, DocumentEvents events) {
        ChangedSentence gone = change.first(change.removed, about);
        return gone != null
                && (asOf == null || !events.since(gone, change.beforeIndex).isAfter(asOf));
    }

    private static List<String> cited(Answer answer) {
        return answer.citations().stream()
                .map(c -> c.clause().documentKey())
                .distinct()
                .toList();
    }

    private List<String> otherDocumentsOfTheCitedPlatforms(Answer answer) {
        List<String> cited = cited(answer);
        Set<String> platforms = new HashSet<>();
        answer.citations().forEach(c -> platforms.add(c.clause().platformId()));
        List<String> others = new ArrayList<>();
        for (SourceStatus source : sources().values()) {
            String key = source.platformId() + "/" + source.documentId();
            if (platforms.contains(source.platformId()) && !cited.contains(key)) {
                others.add(key);
            }
        }
        return others;
    }

    private HistoryNote note(Change change, Answer answer, Relevance about, LocalDate asOf) {
        int next = answer.citations().size() + 1;
        Citation before = cite(change.first(change.removed, about), change.before, change.after.date(), next);
        if (before == null) {
            return null;
        }
        ChangedSentence came = change.first(change.added, about);
        Citation after = null;
        if (came != null) {
            after = answer.citations().stream()
                    .filter(c -> c.clause().documentKey().equals(change.before.documentKey()) && asOf == null)
                    .findFirst()
                    .orElseGet(() -> cite(came, change.after, change.afterValidTo, next + 1));
        }
        LocalDate since =
                events(change.before.documentKey()).since(change.first(change.removed, about), change.beforeIndex);
        return new HistoryNote(change.changed, change.statedDateChanged, before, since, after, asOf != null);
    }

    /**
     * The sentence quoted verbatim from the clause of {@code version} that holds it, or {@code null} when no clause does
     * (a quote is only ever taken from a clause as the index has it).
     */
    private Citation cite(ChangedSentence sentence, PolicyVersion version, LocalDate validTo, int n) {
        if (sentence == null) {
            return null;
        }
        Optional<Citation> found = located.computeIfAbsent(
                version.documentKey() + "@" + version.date() + "#" + sentence.key,
                k -> locate(sentence, version, validTo));
        return found.map(c -> new Citation(n, c.clause(), c.quote())).orElse(null);
    }

    private Optional<Citation> locate(ChangedSentence sentence, PolicyVersion version, LocalDate validTo) {
        for (Clause clause : splitter.split(version, validTo)) {
            if ((" " + key(clause.text()) + " ").contains(" " + sentence.key + " ")) {
                for (Sentences.Span span : Sentences.split(clause.text())) {
                    if (key(span.text()).contains(sentence.key)) {
                        return Optional.of(new Citation(1, clause, span.text().strip()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A document's changes, computed once per archive state (its number of versions and newest date). */
    private DocumentEvents events(String documentKey) {
        SourceStatus status = sources().get(documentKey);
        String key =
                status == null ? documentKey : documentKey + "@" + status.versions() + "@" + status.currentVersion();
        return cache.computeIfAbsent(key, k -> {
            String[] parts = documentKey.split("/", 2);
            return new DocumentEvents(versions.versions(parts[0], parts[1]));
        });
    }

    /** The archived documents by key, listed again at most once a minute (listing walks the archive). */
    private Map<String, SourceStatus> sources() {
        Catalog snapshot = catalogSnapshot;
        if (snapshot == null || System.nanoTime() - snapshot.listedAt > CATALOG_TTL_NANOS) {
            Map<String, SourceStatus> byKey = new LinkedHashMap<>();
            for (SourceStatus source : catalog.sources()) {
                byKey.put(source.platformId() + "/" + source.documentId(), source);
            }
            snapshot = new Catalog(System.nanoTime(), byKey);
            catalogSnapshot = snapshot;
        }
        return snapshot.byKey;
    }

    private record Catalog(long listedAt, Map<String, SourceStatus> byKey) {}

    /** Normalised words without digits, so "Section 10.4" and "Section 11.4" read alike. */
    static String key(String text) {
        return Words.normalize(text)
                .replaceAll("\\d+", " ")
                .replaceAll(" +", " ")
                .strip();
    }

    /**
     * Whether a sentence may be quoted as history: on one of the wanted topics (by the topic rules), a statement rather
     * than a heading, sharing at least {@link #MIN_SHARED} meaningful words, a sixth of its own, with the question
     * and the answer's quotes, and at least {@link #MIN_ASKED} with the question itself (its platform names left out).
     */
    private record Relevance(Set<Topic> wanted, Set<String> asked, Set<String> anchors, TopicClassifier topics) {
        boolean of(ChangedSentence sentence, Map<String, Set<Topic>> topicCache) {
            if (sentence.heading()) {
                return false;
            }
            Set<String> terms = sentence.terms();
            long shared = terms.stream().filter(anchors::contains).count();
            long fromQuestion = terms.stream().filter(asked::contains).count();
            boolean questionGiven = !asked.isEmpty();
            if (shared < MIN_SHARED || shared < terms.size() / 6.0 || questionGiven && fromQuestion < MIN_ASKED) {
                return false;
            }
            Set<Topic> of = topicCache.computeIfAbsent(
                    sentence.key + "|" + wanted, k -> topics.ruleTopicsOf(sentence.text, wanted));
            return !of.isEmpty();
        }
    }

    /** What left and what came into a document between two consecutive versions. */
    private static final class Change {
        final LocalDate changed;
        final PolicyVersion before;
        final PolicyVersion after;
        final LocalDate afterValidTo;
        final int beforeIndex;
        final List<ChangedSentence> removed;
        final List<ChangedSentence> added;
        final boolean statedDateChanged;
        final boolean substantive;

        Change(List<PolicyVersion> all, int index, List<ChangedSentence> removed, List<ChangedSentence> added) {
            this.changed = all.get(index).date();
            this.before = all.get(index - 1);
            this.after = all.get(index);
            this.afterValidTo = index + 1 < all.size() ? all.get(index + 1).date() : null;
            this.beforeIndex = index - 1;
            this.removed = removed;
            this.added = added;
            StatedDate was = StatedDates.find(before.text());
            StatedDate now = StatedDates.find(all.get(index).text());
            this.statedDateChanged = was == null || now == null || !was.sameAs(now);
            this.substantive = removed.stream().anyMatch(r -> added.stream().noneMatch(a -> overlap(r, a) >= REWORDED));
        }

        /** The first sentence on the wanted topics and about what the question and quotes speak of, or {@code null}. */
        ChangedSentence first(List<ChangedSentence> sentences, Relevance relevance) {
            for (ChangedSentence sentence : sentences) {
                if (relevance.of(sentence, topicsOf)) {
                    return sentence;
                }
            }
            return null;
        }

        private final Map<String, Set<Topic>> topicsOf = new ConcurrentHashMap<>();

        private static double overlap(ChangedSentence a, ChangedSentence b) {
            Set<String> x = new HashSet<>(List.of(a.key.split(" ")));
            Set<String> y = new HashSet<>(List.of(b.key.split(" ")));
            int shared = 0;
            for (String word : x) {
                if (y.contains(word)) {
                    shared++;
                }
            }
            return shared / (double) Math.max(1, Math.min(x.size(), y.size()));
        }
    }

    /**
     * Every change of one document's archived history, computed once per archive state. Only the lines that differ
     * from the neighbouring version are cut into sentences and normalised; a version's whole text is normalised only
     * when a sentence must be looked for in it.
     */
    private static final class DocumentEvents {
        final List<Change> changes = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();
        private final List<LocalDate> versionDates = new ArrayList<>();
        private final Map<Integer, String> fullKeys = new ConcurrentHashMap<>();

        DocumentEvents(List<PolicyVersion> all) {
            List<Set<String>> lines = new ArrayList<>();
            for (PolicyVersion version : all) {
                String text = LINK_TARGET.matcher(version.text()).replaceAll("]");
                texts.add(text);
                versionDates.add(version.date());
                lines.add(new HashSet<>(List.of(text.split("\n"))));
            }
            for (int i = 1; i < all.size(); i++) {
                List<ChangedSentence> removed = gone(changedLines(texts.get(i - 1), lines.get(i)), i);
                if (!removed.isEmpty()) {
                    changes.add(new Change(all, i, removed, gone(changedLines(texts.get(i), lines.get(i - 1)), i - 1)));
                }
            }
        }

        /** The first version, walking back from {@code index}, from which {@code sentence} was there without a gap. */
        LocalDate since(ChangedSentence sentence, int index) {
            int first = index;
            while (first > 0 && fullKey(first - 1).contains(" " + sentence.key + " ")) {
                first--;
            }
            return versionDates.get(first);
        }

        private String fullKey(int index) {
            return fullKeys.computeIfAbsent(index, i -> " " + key(texts.get(i)) + " ");
        }

        /** The lines of {@code text} that the other version does not have as they are, joined as one text. */
        private static String changedLines(String text, Set<String> otherLines) {
            StringBuilder changed = new StringBuilder();
            for (String line : text.split("\n")) {
                if (!otherLines.contains(line)) {
                    changed.append(line).append('\n');
                }
            }
            return changed.toString();
        }

        /** The sentences of {@code text} whose words occur nowhere in version {@code other}. */
        private List<ChangedSentence> gone(String text, int other) {
            List<ChangedSentence> gone = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Sentences.Span span : Sentences.split(text)) {
                String key = key(span.text());
                if (key.split(" ").length >= MIN_WORDS
                        && seen.add(key)
                        && !fullKey(other).contains(" " + key + " ")) {
                    gone.add(new ChangedSentence(span.text().strip(), key));
                }
            }
            return gone;
        }
    }
}
