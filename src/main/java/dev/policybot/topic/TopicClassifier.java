package dev.policybot.topic;

import dev.policybot.domain.Topic;
import dev.policybot.domain.port.Embedder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tags clause (or question) text with the {@link Topic}s it is about, transparently: the phrase rules of
 * {@link TopicRules} first, then, when an {@link Embedder} is given, similarity to the topics' descriptions.
 * Without an embedder it works on rules alone. Thread-safe.
 */
public final class TopicClassifier {

    /**
     * Cosine similarity a text needs to a topic description to be tagged by similarity alone. Chosen on SoundCloud's
     * and Zoom's terms with all-MiniLM-L6-v2: at 0.55 boilerplate ("you must not rent or sell access") started to
     * count as licence clauses; at 0.60 the similarity-only tags were ownership and arbitration clauses the rules
     * missed.
     */
    public static final double DEFAULT_MIN_SIMILARITY = 0.60;
    /** Only topics this close to the text's best topic count, so that one text does not collect every topic. */
    static final double MARGIN = 0.04;

    private static final Set<Topic> EVERY_TOPIC = EnumSet.allOf(Topic.class);
    private static final Pattern MARKDOWN_LINK_TARGET = Pattern.compile("\\]\\([^)]*\\)");
    private static final Pattern BARE_URL = Pattern.compile("https?://\\S+");
    private static final Pattern MARKUP = Pattern.compile("[*_\\\\`#>]+");

    private final List<TopicRule> rules;
    private final Embedder embedder;
    private final double minSimilarity;
    private volatile Map<Topic, float[]> topicVectors;

    /** Rules only. */
    public TopicClassifier() {
        this(TopicRules.all(), null, DEFAULT_MIN_SIMILARITY);
    }

    /**
     * @param embedder      embeds texts for similarity to topic descriptions, or {@code null} for rules only
     * @param minSimilarity cosine similarity needed for a similarity-only tag
     */
    public TopicClassifier(Embedder embedder, double minSimilarity) {
        this(TopicRules.all(), embedder, minSimilarity);
    }

    TopicClassifier(List<TopicRule> rules, Embedder embedder, double minSimilarity) {
        this.rules = List.copyOf(rules);
        this.embedder = embedder;
        this.minSimilarity = minSimilarity;
    }

    /** The topics of {@code text}; empty when it is about none of them. */
    public Set<Topic> topicsOf(String text) {
        return topicsOfAll(List.of(text)).get(0);
    }

    /**
     * The topics among {@code among} that the phrase rules find in {@code text}, by the rules alone (no similarity):
     * only those topics' rules run, so a caller that needs one or two topics pays for those.
     */
    public Set<Topic> ruleTopicsOf(String text, Set<Topic> among) {
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        if (!among.isEmpty()) {
            ruleMatches(plain(text), among).forEach(match -> topics.add(match.topic()));
        }
        return topics;
    }

    /** The topics of each text, in order; embeds all texts in one batch when an embedder is present. */
    public List<Set<Topic>> topicsOfAll(List<String> texts) {
        List<Set<Topic>> result = new ArrayList<>();
        for (List<TopicMatch> matches : explainAll(texts)) {
            Set<Topic> topics = EnumSet.noneOf(Topic.class);
            matches.forEach(m -> topics.add(m.topic()));
            result.add(topics);
        }
        return result;
    }

    /** Each topic of {@code text} with the rule or similarity that put it there. */
    public List<TopicMatch> explain(String text) {
        return explainAll(List.of(text)).get(0);
    }

    private List<List<TopicMatch>> explainAll(List<String> texts) {
        List<String> plain = texts.stream().map(TopicClassifier::plain).toList();
        List<List<TopicMatch>> result = new ArrayList<>();
        for (String text : plain) {
            result.add(ruleMatches(text, EVERY_TOPIC));
        }
        if (embedder != null) {
            addSimilarityMatches(plain, result);
        }
        return result;
    }

    /** The first rule match of each topic among {@code among}, in rule order. */
    private List<TopicMatch> ruleMatches(String text, Set<Topic> among) {
        List<TopicMatch> matches = new ArrayList<>();
        Set<Topic> seen = EnumSet.noneOf(Topic.class);
        for (TopicRule rule : rules) {
            if (!among.contains(rule.topic()) || seen.contains(rule.topic())) {
                continue;
            }
            String evidence = rule.evidence(text);
            if (evidence != null) {
                seen.add(rule.topic());
                matches.add(new TopicMatch(rule.topic(), "rule " + rule.id(), evidence));
            }
        }
        return matches;
    }

    private void addSimilarityMatches(List<String> texts, List<List<TopicMatch>> result) {
        List<Integer> embeddable = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).isBlank()) {
                embeddable.add(i);
            }
        }
        if (embeddable.isEmpty()) {
            return;
        }
        // a single text is a question: embedded as a query, so that a model remembering recent queries embeds it once
        List<float[]> vectors = embeddable.size() == 1
                ? List.of(embedder.embedQuery(texts.get(embeddable.get(0))))
                : embedder.embedAll(embeddable.stream().map(texts::get).toList());
        Map<Topic, float[]> topics = topicVectors();
        for (int k = 0; k < embeddable.size(); k++) {
            List<TopicMatch> matches = result.get(embeddable.get(k));
            similarTopics(vectors.get(k), topics).forEach((topic, score) -> {
                if (matches.stream().noneMatch(m -> m.topic() == topic)) {
                    matches.add(new TopicMatch(topic, "similarity", String.format("%.2f", score)));
                }
            });
        }
    }

    private Map<Topic, Double> similarTopics(float[] vector, Map<Topic, float[]> topics) {
        Map<Topic, Double> scores = new EnumMap<>(Topic.class);
        topics.forEach((topic, topicVector) -> scores.put(topic, cosine(vector, topicVector)));
        double best =
                scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        scores.values().removeIf(score -> score < minSimilarity || score < best - MARGIN);
        return scores;
    }

    private Map<Topic, float[]> topicVectors() {
        Map<Topic, float[]> vectors = topicVectors;
        if (vectors == null) {
            vectors = new EnumMap<>(Topic.class);
            for (Topic topic : Topic.values()) {
                vectors.put(topic, embedder.embedQuery(topic.description()));
            }
            topicVectors = vectors;
        }
        return vectors;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }

    /** Drops Markdown link targets and markup, so URLs ("/pages/cookies") and asterisks do not count as words. */
    static String plain(String text) {
        String withoutLinks =
                MARKDOWN_LINK_TARGET.matcher(text == null ? "" : text).replaceAll("]");
        String withoutUrls = BARE_URL.matcher(withoutLinks).replaceAll(" ");
        String withoutMarkup = MARKUP.matcher(withoutUrls).replaceAll(" ");
        return withoutMarkup
                .replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replaceAll("\\s+", " ")
                .trim();
    }
}
