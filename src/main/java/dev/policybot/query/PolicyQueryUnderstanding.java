package dev.policybot.query;

import dev.policybot.core.Clause;
import dev.policybot.core.Embedder;
import dev.policybot.core.Languages;
import dev.policybot.core.QueryUnderstanding;
import dev.policybot.core.Topic;
import dev.policybot.core.TopicClassifier;
import dev.policybot.core.UnderstoodQuery;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     */
    public record Settings(double glossaryWeight, double frenchWeight, double paraphraseWeight, boolean wordingInDense,
                           double topicBoost, double documentBoost, double minSimilarity) {
        public static final Settings DEFAULT = new Settings(0.5, 0.5, 0.4, true, 0.3, 1.2, 0.5);
    }

    private final Glossary glossary;
    private final Paraphrases paraphrases;
    private final IntentRules intents;
    private final TopicClassifier questionTopics;
    private final ClauseTopics clauseTopics = new ClauseTopics();
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
                ? new TopicClassifier() : new TopicClassifier(embedder, settings.minSimilarity());
        this.settings = settings;
        LOG.debug("Query understanding: glossary {} ({} rows), paraphrases {}, intents {}", glossary.version(),
                glossary.size(), paraphrases.version(), intents.version());
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

    @Override
    public UnderstoodQuery understand(String question) {
        String language = Languages.detect(question);
        Glossary.Translation translation = translate(question, language);
        String english = translation.english();
        Map<String, Double> expansions = new LinkedHashMap<>();
        translation.extras().forEach(extra -> expansions.merge(extra, settings.glossaryWeight(), Math::max));
        List<String> wording = paraphrases.wordingFor(english);
        wording.forEach(phrase -> expansions.merge(phrase, settings.paraphraseWeight(), Math::max));
        glossary.frenchFor(english).forEach(french -> expansions.merge(french, settings.frenchWeight(), Math::max));
        translation.french().forEach(french -> expansions.merge(french, settings.frenchWeight(), Math::max));
        IntentRules.Intent intent = intents.of(english);
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        topics.addAll(intent.topics());
        topics.addAll(questionTopics.topicsOf(english));
        String dense = settings.wordingInDense() && !wording.isEmpty() ? english + ". " + String.join("; ", wording)
                : english;
        Set<Topic> wanted = Set.copyOf(topics);
        Set<String> documents = intent.documents();
        return new UnderstoodQuery(question, language, english, dense, expansions, wanted,
                clause -> prior(clause, wanted, documents));
    }

    private Glossary.Translation translate(String question, String language) {
        return switch (language) {
            case "de" -> glossary.fromGerman(question);
            case "fr" -> glossary.fromFrench(question);
            default -> new Glossary.Translation(question, List.of(), List.of(), List.of());
        };
    }

    private double prior(Clause clause, Set<Topic> topics, Set<String> documents) {
        double factor = 1;
        if (!topics.isEmpty() && clauseTopics.of(clause).stream().anyMatch(topics::contains)) {
            factor *= 1 + settings.topicBoost();
        }
        if (documents.stream().anyMatch(clause.documentId()::contains)) {
            factor *= settings.documentBoost();
        }
        return factor;
    }
}
