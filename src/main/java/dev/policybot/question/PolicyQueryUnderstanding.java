package dev.policybot.question;

import dev.policybot.domain.Clause;
import dev.policybot.domain.Topic;
import dev.policybot.domain.UnderstoodQuery;
import dev.policybot.domain.port.Embedder;
import dev.policybot.domain.port.QueryUnderstanding;
import dev.policybot.text.Languages;
import dev.policybot.topic.TopicClassifier;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a question offline before retrieval: detects its language; turns German (or French) into English words with
 * the glossary; adds the policy wording of lay phrases and the French wording of core terms (for French policy
 * texts); and finds the topics and kinds of documents it is about, from the intent rules, the topic rules and, with
 * an embedder, similarity to the topics' descriptions. Candidate clauses on those topics or in those documents are
 * raised; nothing is filtered. Thread-safe.
 */
public final class PolicyQueryUnderstanding implements QueryUnderstanding {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyQueryUnderstanding.class);

    /**
     * The weights, measured with {@code eval} on corpus-dev and the public dev sets.
     *
     * @param glossaryWeight   weight of a glossary row's further English alternatives (its first is the translation)
     * @param frenchWeight     weight of the French wording of core terms
     * @param paraphraseWeight weight of the policy wording of lay phrases
     * @param wordingInDense   add the lay phrases' policy wording to the embedded text too
     * @param topicBoost       a clause on one of the question's topics scores {@code 1 + topicBoost} times as much
     * @param documentBoost    a clause of a document kind the question points at scores this many times as much
     * @param minSimilarity    cosine similarity of the question to a topic description that adds the topic
     *                         (with an embedder; above 1 turns similarity off)
     * @param crossLanguageBoost a French clause scores up to {@code 1 + crossLanguageBoost} times as much, by how many
     *                         of the question's core terms it has in French: vector similarity cannot judge it against
     *                         an English (or German) question, the glossary's French wording can
     * @param phraseBoost      a clause that contains a policy phrase the question's lay wording stands for ("opt out
     *                         of personalized ads") scores up to {@code 1 + phraseBoost} times as much (the whole boost
     *                         for a phrase of four meaningful words, less for shorter ones)
     * @param translatedTrust  trust in nearest-neighbour similarity for a question translated by the glossary (word by
     *                         word, it embeds worse than a typed English question; 1 = as much)
     */
    public record Settings(
            double glossaryWeight,
            double frenchWeight,
            double paraphraseWeight,
            boolean wordingInDense,
            double topicBoost,
            double documentBoost,
            double minSimilarity,
            double crossLanguageBoost,
            double phraseBoost,
            double translatedTrust) {
        public static final Settings DEFAULT = new Settings(0.5, 0.5, 0.4, true, 0.3, 1.2, 0.5, 0.5, 0.5, 0.5);
    }

    /** French words matched for the cross-language prior are at least this long (no articles or prepositions). */
    private static final int MIN_FRENCH_WORD = 4;

    private static final int RECENT = 256;
    /** A policy phrase of this many meaningful words earns the whole phrase boost; shorter ones are less specific. */
    private static final int SPECIFIC_PHRASE = 4;
    /** This many distinct French core words in a clause earn the whole cross-language boost. */
    private static final double FULL_FRENCH_MATCH = 5;

    private final Glossary glossary;
    private final Paraphrases paraphrases;
    private final IntentRules intents;
    private final TopicClassifier questionTopics;
    private final ClauseFacts clauseFacts = new ClauseFacts();
    /** The last questions read: {@code ask} reads each twice (retrieval, then quoting), the model need not. */
    private final Map<String, UnderstoodQuery> recent = new ConcurrentHashMap<>();

    private final Settings settings;

    /**
     * @param embedder embeds questions for similarity to the topic descriptions, or {@code null} for rules only
     * @param settings the weights
     */
    public PolicyQueryUnderstanding(Embedder embedder, Settings settings) {
        this.glossary = Glossary.load();
        this.paraphrases = Paraphrases.load();
        this.intents = IntentRules.load();
        this.questionTopics = embedder == null || settings.minSimilarity() > 1
                ? new TopicClassifier()
                : new TopicClassifier(embedder, settings.minSimilarity());
        this.settings = settings;
        LOG.debug(
                "Query understanding: glossary {} ({} rows), paraphrases {}, intents {}",
                glossary.version(),
                glossary.size(),
                paraphrases.version(),
                intents.version());
    }

    /** Rules and word lists only, default weights. */
    public static PolicyQueryUnderstanding offline() {
        return new PolicyQueryUnderstanding(null, Settings.DEFAULT);
    }

    /** The versions of the three word lists, e.g. for {@code eval} output. */
    public String versions() {
        return "glossary " + glossary.version() + ", paraphrases " + paraphrases.version() + ", intents "
                + intents.version();
    }

    /** As {@link #understand(String, Set)} without platform words. */
    public UnderstoodQuery understand(String question) {
        return understand(question, Set.of());
    }

    @Override
    public UnderstoodQuery understand(String question, Set<String> platformWords) {
        String key = question + "\n" + new TreeSet<>(platformWords);
        UnderstoodQuery known = recent.get(key);
        if (known != null) {
            return known;
        }
        if (recent.size() >= RECENT) {
            recent.clear();
        }
        UnderstoodQuery understood = read(question, platformWords);
        recent.put(key, understood);
        return understood;
    }

    private UnderstoodQuery read(String question, Set<String> platformWords) {
        String language = Languages.detect(question);
        Glossary.Translation translation = translate(question, language);
        // the platform is chosen by then: its name says nothing about which clause answers ("face" in Hugging Face)
        String english = QueryWords.without(translation.english(), platformWords);
        Map<String, Double> expansions = new LinkedHashMap<>();
        translation.extras().forEach(extra -> expansions.merge(extra, settings.glossaryWeight(), Math::max));
        List<String> wording = paraphrases.wordingFor(english);
        wording.forEach(phrase -> expansions.merge(phrase, settings.paraphraseWeight(), Math::max));
        // a German question brings the French of the rows it used; an English one gets its core terms' French
        Set<String> french =
                new LinkedHashSet<>("de".equals(language) ? translation.french() : glossary.frenchFor(english));
        french.forEach(phrase -> expansions.merge(phrase, settings.frenchWeight(), Math::max));
        IntentRules.Intent intent = intents.of(english);
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        topics.addAll(intent.topics());
        topics.addAll(questionTopics.topicsOf(english));
        String dense =
                settings.wordingInDense() && !wording.isEmpty() ? english + ". " + String.join("; ", wording) : english;
        Prior wanted = new Prior(
                Set.copyOf(topics), intent.documents(), language, frenchWords(french, english), phrases(wording));
        double denseTrust = translation.matched().isEmpty() ? 1 : settings.translatedTrust();
        return new UnderstoodQuery(
                question, language, english, dense, expansions, wanted.topics(), new BoundedPrior(wanted), denseTrust);
    }

    private Glossary.Translation translate(String question, String language) {
        return switch (language) {
            case "de" -> glossary.fromGerman(question);
            case "fr" -> glossary.fromFrench(question);
            default -> new Glossary.Translation(question, List.of(), List.of(), List.of());
        };
    }

    /** The French core words to look for in French clauses, and the question's numbers ("14 days" → "14 jours"). */
    private static Set<String> frenchWords(Set<String> phrases, String english) {
        Set<String> words = new LinkedHashSet<>();
        phrases.forEach(phrase -> QueryWords.tokens(phrase).stream()
                .filter(w -> w.length() >= MIN_FRENCH_WORD)
                .forEach(words::add));
        if (!words.isEmpty()) {
            QueryWords.tokens(english).stream()
                    .filter(w -> w.chars().allMatch(Character::isDigit))
                    .forEach(words::add);
        }
        return Set.copyOf(words);
    }

    private static int wordCount(String stemmed) {
        return stemmed.strip().split(" ").length;
    }

    /** Policy phrases of two or more meaningful words, stemmed, to look for in clauses. */
    private static Set<String> phrases(List<String> wording) {
        Set<String> phrases = new LinkedHashSet<>();
        for (String phrase : wording) {
            String stemmed = QueryWords.stemmed(phrase);
            if (stemmed.strip().contains(" ")) {
                phrases.add(stemmed);
            }
        }
        return Set.copyOf(phrases);
    }

    /**
     * What raises a candidate clause: its topics, its kind of document, for French text its French words, and the
     * policy phrases the question's lay wording stands for.
     */
    private record Prior(
            Set<Topic> topics, Set<String> documents, String language, Set<String> frenchWords, Set<String> phrases) {}

    /** {@link #prior} with the largest factor it can give for this question: each boost it could earn, at most. */
    private final class BoundedPrior implements UnderstoodQuery.ClausePrior {
        private final Prior wanted;
        private final double atMost;

        BoundedPrior(Prior wanted) {
            this.wanted = wanted;
            double bound = 1;
            if (!wanted.topics().isEmpty()) {
                bound *= Math.max(1, 1 + settings.topicBoost());
            }
            if (!wanted.documents().isEmpty()) {
                bound *= Math.max(1, settings.documentBoost());
            }
            if (!"fr".equals(wanted.language()) && !wanted.frenchWords().isEmpty()) {
                bound *= Math.max(1, 1 + settings.crossLanguageBoost());
            }
            if (!wanted.phrases().isEmpty()) {
                bound *= Math.max(1, 1 + settings.phraseBoost());
            }
            this.atMost = bound;
        }

        @Override
        public double of(Clause clause) {
            return prior(clause, wanted);
        }

        @Override
        public double atMost() {
            return atMost;
        }
    }

    private double prior(Clause clause, Prior wanted) {
        double factor = 1;
        if (!wanted.topics().isEmpty() && clauseFacts.aboutAny(clause, wanted.topics())) {
            factor *= 1 + settings.topicBoost();
        }
        if (wanted.documents().stream().anyMatch(clause.documentId()::contains)) {
            factor *= settings.documentBoost();
        }
        if (!wanted.frenchWords().isEmpty()
                && !"fr".equals(wanted.language())
                && "fr".equals(clauseFacts.language(clause))) {
            Set<String> words = clauseFacts.words(clause);
            long matched = wanted.frenchWords().stream().filter(words::contains).count();
            factor *= 1 + settings.crossLanguageBoost() * Math.min(1, matched / FULL_FRENCH_MATCH);
        }
        if (!wanted.phrases().isEmpty()) {
            String stemmed = clauseFacts.stemmed(clause);
            int longest = wanted.phrases().stream()
                    .filter(stemmed::contains)
                    .mapToInt(PolicyQueryUnderstanding::wordCount)
                    .max()
                    .orElse(0);
            if (longest > 1) {
                factor *= 1 + settings.phraseBoost() * Math.min(1, (longest - 1) / (double) (SPECIFIC_PHRASE - 1));
            }
        }
        return factor;
    }
}
