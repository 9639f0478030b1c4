package dev.policybot.compare;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Comparison;
import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.Question;
import dev.policybot.domain.Topic;
import dev.policybot.domain.change.ChangeHistory;
import dev.policybot.domain.port.Asker;
import dev.policybot.domain.port.Comparer;
import dev.policybot.text.Words;
import dev.policybot.topic.TopicClassifier;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one topic or question per platform. Each platform is asked on its own through the product's answering path,
 * so its outcome (answered, closest passages, not addressed) is decided exactly as for a question about that platform
 * alone; then the newest change of its documents on the topic is added.
 */
public final class CompareService implements Comparer {
    private static final Logger LOG = LoggerFactory.getLogger(CompareService.class);

    private final Asker answers;
    private final PlatformScope scope;
    private final TopicChanges changes;
    private final TopicClassifier topics;

    /**
     * @param answers answers a question about one platform (without a history line: the row has its own)
     * @param scope   names the platforms and groups
     * @param history the policy history, for the last change on the topic
     */
    public CompareService(
            Asker answers, PlatformScope scope, ChangeHistory history, TopicClassifier topics, Clock clock) {
        this.answers = answers;
        this.scope = scope;
        this.changes = new TopicChanges(history, clock);
        this.topics = topics;
    }

    @Override
    public Comparison compare(Comparison.Request request) {
        List<PlatformInfo> platforms = scope.resolve(request.platforms(), request.group());
        String question = request.question() != null ? request.question() : TopicQuestions.of(request.topic());
        Set<Topic> about = request.topic() != null ? EnumSet.of(request.topic()) : topics.topicsOf(question);
        long started = System.nanoTime();
        List<Comparison.Row> rows = rows(question, platforms, request.asOf(), request.language(), about);
        LOG.debug("compared {} platform(s) in {} ms", platforms.size(), (System.nanoTime() - started) / 1_000_000);
        String subject = request.question() != null
                ? request.question()
                : request.topic().label();
        return new Comparison(request, subject, rows);
    }

    /**
     * One row per platform, in order.
     *
     * @param about the topics whose last change each row tells; empty for none
     */
    public List<Comparison.Row> rows(
            String question, List<PlatformInfo> platforms, LocalDate asOf, String language, Set<Topic> about) {
        List<Comparison.Row> rows = new ArrayList<>();
        for (PlatformInfo platform : platforms) {
            Answer answer = answers.ask(new Question(question, platform.id(), asOf, language));
            rows.add(new Comparison.Row(
                    platform.id(),
                    platform.name(),
                    answer.outcome(),
                    onTopicFirst(answer.citations(), about),
                    answer.searched(),
                    changes.last(platform.id(), about, asOf),
                    answer.relevance()));
        }
        return rows;
    }

    /**
     * The quotes the topic's phrase rules recognise first (in the writer's order otherwise), renumbered: a row shows the
     * clause that most directly addresses the topic before the passages that only share its words.
     */
    private List<Citation> onTopicFirst(List<Citation> citations, Set<Topic> about) {
        if (citations.size() < 2) {
            return citations;
        }
        List<Citation> ordered = new ArrayList<>();
        if (about.isEmpty()) {
            ordered.addAll(citations);
        } else {
            citations.stream().filter(c -> onTopic(c, about)).forEach(ordered::add);
            citations.stream().filter(c -> !onTopic(c, about)).forEach(ordered::add);
        }
        // a platform often says the same sentence in two documents (terms and privacy policy), worded a little
        // differently: quote it once
        List<Set<String>> seen = new ArrayList<>();
        List<Citation> renumbered = new ArrayList<>();
        for (Citation citation : ordered) {
            Set<String> words = Words.contentTerms(citation.quote());
            if (seen.stream().noneMatch(other -> nearlySame(words, other))) {
                seen.add(words);
                renumbered.add(new Citation(renumbered.size() + 1, citation.clause(), citation.quote()));
            }
        }
        return renumbered;
    }

    /** Nine in ten of the shorter quote's meaningful words in the other. */
    private static boolean nearlySame(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        long shared = small.stream().filter(large::contains).count();
        return !small.isEmpty() && shared >= 0.9 * small.size();
    }

    private boolean onTopic(Citation citation, Set<Topic> about) {
        return !topics.ruleTopicsOf(citation.quote(), about).isEmpty();
    }
}
