package dev.policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Clause;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.port.Embedder;
import dev.policybot.fakes.BagOfWordsEmbedder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SentenceRankerTest {
    private static final LocalDate DAY = LocalDate.parse("2026-01-01");
    private final SentenceRanker ranker = new SentenceRanker(new BagOfWordsEmbedder(), 0.6);

    private static Clause clause(String id, String text) {
        return new Clause(
                "tunebox/terms#" + id, "tunebox", "Tunebox", "terms", "Terms", List.of(), text, DAY, null, null, null);
    }

    @Test
    void a_sentence_in_the_policy_wording_the_question_stands_for_outranks_one_that_shares_no_words() {
        SentenceRanker byOverlap = new SentenceRanker(null, 0);
        Clause clause = clause(
                "scraping",
                "You may not access or copy anything from the Services by automated means "
                        + "of any kind. We love our community of curious people and the thoughtful answers they write for "
                        + "each other.");
        String question = "i wanna scrape the answers to build a chatbot, is that ok?";

        SentenceRanker.Quote plain =
                byOverlap.bestQuotes(question, List.of(clause), Set.of()).get(0);
        SentenceRanker.Quote understood = byOverlap
                .bestQuotes(question, Map.of("automated means", 0.4), List.of(clause), Set.of())
                .get(0);

        assertThat(plain.text()).startsWith("We love our community");
        assertThat(understood.text()).startsWith("You may not access or copy anything");
        assertThat(understood.overlap()).isEqualTo(SentenceRanker.EXPANSION_CREDIT * 0.4);
    }

    @Test
    void a_sentence_not_in_english_is_judged_by_overlap_alone_since_the_model_reads_english() {
        Clause french = clause(
                "retractation",
                "Droit de rétractation : vous avez la possibilité de vous rétracter "
                        + "de votre commande dans les quatorze jours sans donner de raison.");
        Map<String, Double> frenchWords = Map.of("rétracter", 0.5, "rétractation", 0.5, "commande", 0.5);

        SentenceRanker.Quote quote = ranker.bestQuotes(
                        "can i withdraw from a purchase within 14 days", frenchWords, List.of(french), Set.of())
                .get(0);

        assertThat(quote.score()).isEqualTo(quote.overlap()).isGreaterThan(0.7);
    }

    @Test
    void overlap_never_exceeds_one_however_many_phrases_match() {
        Clause clause = clause("ai", "We will not use your content to train AI models without your consent.");

        SentenceRanker.Quote quote = ranker.bestQuotes(
                        "train ai on my content",
                        Map.of("consent", 0.5, "train", 0.5, "your content", 0.5, "ai models", 0.5),
                        List.of(clause),
                        Set.of())
                .get(0);

        assertThat(quote.overlap()).isEqualTo(1.0);
    }

    @Test
    void sentences_past_the_embedding_budget_take_their_clauses_similarity_from_the_retriever() {
        CountingEmbedder counting = new CountingEmbedder();
        SentenceRanker budgeted = new SentenceRanker(counting, 0.6, 1);
        Clause first = clause("first", "We will not use your content to train generative AI models at all.");
        Clause second = clause("second", "Our offices are closed on public holidays in every country we serve.");
        List<ScoredClause> hits = List.of(new ScoredClause(first, 2.0, 0.7), new ScoredClause(second, 1.0, 0.5));

        List<SentenceRanker.Quote> quotes =
                budgeted.bestQuotesOfHits("train ai on my content", "train ai on my content", Map.of(), hits, Set.of());

        assertThat(counting.embedded).isEqualTo(1);
        assertThat(quotes.get(1).similarity()).isEqualTo(0.5);
        assertThat(quotes.get(0).similarity()).isNotEqualTo(0.7);
    }

    /** Counts the sentences embedded (not the query). */
    private static final class CountingEmbedder implements Embedder {
        private final BagOfWordsEmbedder delegate = new BagOfWordsEmbedder();
        int embedded;

        @Override
        public List<float[]> embedAll(List<String> texts) {
            embedded += texts.size();
            return delegate.embedAll(texts);
        }

        @Override
        public float[] embedQuery(String text) {
            return delegate.embedAll(List.of(text)).get(0);
        }

        @Override
        public String modelId() {
            return delegate.modelId();
        }

        @Override
        public int dimension() {
            return delegate.dimension();
        }
    }
}
