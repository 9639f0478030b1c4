package dev.policybot.search;

import static dev.policybot.fakes.Vectors.cosine;
import static dev.policybot.search.LuceneClauseIndexTest.clause;
import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.core.Clause;
import dev.policybot.core.QueryUnderstanding;
import dev.policybot.core.ScoredClause;
import dev.policybot.core.SearchRequest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The measured-but-off knobs of {@link Tuning} (proximity, feedback) do what they say when turned on. */
class RetrievalKnobsTest {
    private static final LocalDate DAY = LocalDate.parse("2024-01-01");

    @TempDir
    Path dir;

    private final WordHashEmbedder embedder = new WordHashEmbedder();

    private static List<Clause> corpus() {
        return List.of(
                clause("shop", "terms", "near", "To delete your account, open the settings page and choose close.", DAY,
                        null),
                clause("shop", "terms", "far", "Account security matters to us, so we keep backups; you may delete posts,"
                        + " delete comments and delete drafts whenever you like.", DAY, null),
                clause("shop", "terms", "refunds", "Refunds are paid to the card used for the purchase.", DAY, null),
                clause("shop", "privacy", "ads", "We share your personal data with advertising partners.", DAY, null));
    }

    private List<String> slugs(LuceneClauseIndex index, RetrievalMode mode, String spec, String question) {
        return new HybridClauseSearch(index, embedder, mode, Tuning.parse(spec, Tuning.DEFAULT), QueryUnderstanding.NONE)
                .search(new SearchRequest(question, Set.of("shop"), null, null, 5)).hits().stream()
                .map(hit -> hit.clause().id().substring(hit.clause().id().indexOf('#') + 1)).toList();
    }

    @Test
    void proximity_ranks_the_clause_with_the_question_words_together_above_one_with_them_far_apart() {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            index.rebuild(corpus());

            List<String> without = slugs(index, RetrievalMode.BM25, "lp=0,px=0", "delete account");
            List<String> with = slugs(index, RetrievalMode.BM25, "lp=0,px=1,ps=2", "delete account");

            assertThat(without).startsWith("far", "near"); // more "delete"s win on words alone
            assertThat(with).startsWith("near", "far");
        }
    }

    @Test
    void neighbouring_query_terms_form_each_pair_once() {
        assertThat(HybridClauseSearch.adjacentPairs(List.of("delet", "account", "delet", "account", "account")))
                .containsExactly(List.of("delet", "account"), List.of("account", "delet"));
    }

    @Test
    void with_feedback_hits_still_carry_the_similarity_to_the_question_itself() {
        try (LuceneClauseIndex index = new LuceneClauseIndex(dir, embedder)) {
            index.rebuild(corpus());
            String question = "delete my account";
            float[] q = embedder.embedQuery(question);

            List<ScoredClause> hits = new HybridClauseSearch(index, embedder, RetrievalMode.HYBRID,
                    Tuning.parse("dfb=2,dmix=0.7,tfb=2,ft=5,fw=0.5", Tuning.DEFAULT), QueryUnderstanding.NONE)
                    .search(new SearchRequest(question, Set.of("shop"), null, null, 5)).hits();

            assertThat(hits).isNotEmpty().allSatisfy(hit -> {
                float[] c = embedder.embedAll(List.of(LuceneClauseIndex.embeddingText(hit.clause()))).get(0);
                assertThat(hit.similarity()).isCloseTo(cosine(q, c), Offset.offset(1e-5));
            });
        }
    }

    @Test
    void the_new_knobs_parse_and_are_off_by_default() {
        Tuning t = Tuning.parse("px=0.3,ps=8,dfb=2,dmix=0.2,tfb=10,ft=20,fw=0.1", Tuning.DEFAULT);

        assertThat(List.of(t.proximityWeight(), (double) t.proximitySlop(), (double) t.denseFeedback(),
                t.denseFeedbackMix(), (double) t.termFeedback(), (double) t.feedbackTerms(), t.feedbackWeight()))
                .containsExactly(0.3, 8.0, 2.0, 0.2, 10.0, 20.0, 0.1);
        assertThat(Tuning.DEFAULT.proximityWeight()).isZero();
        assertThat(Tuning.DEFAULT.feedback()).isFalse();
    }
}
