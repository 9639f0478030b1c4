package dev.policybot.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Clause;
import dev.policybot.domain.ScoredClause;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformDiversityTest {
    private static ScoredClause hit(String platform, String slug, double score) {
        return new ScoredClause(
                LuceneClauseIndexTest.clause(
                        platform, "terms", slug, "text " + slug, LocalDate.parse("2025-01-01"), null),
                score);
    }

    private static List<String> order(List<ScoredClause> hits) {
        return hits.stream().map(ScoredClause::clause).map(Clause::id).toList();
    }

    @Test
    void a_second_clause_of_a_platform_gives_way_to_a_close_clause_of_another() {
        List<ScoredClause> ranked = List.of(
                hit("art", "a1", 1.0),
                hit("art", "a2", 0.95),
                hit("art", "a3", 0.9),
                hit("blog", "b1", 0.6),
                hit("code", "c1", 0.55));

        List<ScoredClause> diverse = PlatformDiversity.apply(ranked, 3);

        assertThat(order(diverse)).containsExactly("art/terms#a1", "blog/terms#b1", "code/terms#c1");
    }

    @Test
    void a_clause_far_ahead_keeps_its_place_and_each_platform_keeps_its_own_order() {
        List<ScoredClause> ranked =
                List.of(hit("art", "a1", 1.0), hit("art", "a2", 0.9), hit("blog", "b1", 0.3), hit("art", "a3", 0.2));

        List<ScoredClause> diverse = PlatformDiversity.apply(ranked, 4);

        assertThat(order(diverse)).containsExactly("art/terms#a1", "art/terms#a2", "blog/terms#b1", "art/terms#a3");
    }
}
