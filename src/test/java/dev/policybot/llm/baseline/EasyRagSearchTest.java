package dev.policybot.llm.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.PolicyVersion;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.port.Embedder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EasyRagSearchTest {

    /** Bag of words hashed into 64 dimensions: enough to tell the fixture's topics apart. */
    private static final Embedder WORDS = new Embedder() {
        @Override
        public List<float[]> embedAll(List<String> texts) {
            List<float[]> out = new ArrayList<>();
            for (String text : texts) {
                float[] v = new float[64];
                for (String w : text.toLowerCase(Locale.ROOT).split("\\W+")) {
                    v[Math.floorMod(w.hashCode(), 64)] += 1;
                }
                double n = 0;
                for (float f : v) {
                    n += f * f;
                }
                for (int i = 0; i < v.length; i++) {
                    v[i] /= (float) Math.max(1e-9, Math.sqrt(n));
                }
                out.add(v);
            }
            return out;
        }

        @Override
        public int dimension() {
            return 64;
        }

        @Override
        public String modelId() {
            return "words";
        }
    };

    private static PolicyVersion version(String platform, String date, String text) {
        return new PolicyVersion(platform, platform, "terms", "Terms", LocalDate.parse(date), null, text);
    }

    @Test
    void filters_by_platform_and_by_the_version_in_force() {
        EasyRagSearch search = EasyRagSearch.build(
                List.of(
                        version("tunes", "2020-01-01", "We may train models on your songs."),
                        version("tunes", "2024-01-01", "We will never train models on your songs."),
                        version("films", "2024-01-01", "We train models on your films.")),
                WORDS);

        List<ScoredClause> current = search.search(new SearchRequest("train models", Set.of("tunes"), null, null, 5))
                .hits();
        assertThat(current)
                .extracting(h -> h.clause().text())
                .containsExactly("We will never train models on your songs.");

        List<ScoredClause> past = search.search(
                        new SearchRequest("train models", Set.of("tunes"), null, LocalDate.parse("2021-05-05"), 5))
                .hits();
        assertThat(past).extracting(h -> h.clause().version()).containsOnly(LocalDate.parse("2020-01-01"));

        List<ScoredClause> all =
                search.search(SearchRequest.of("train models", 5)).hits();
        assertThat(all).extracting(h -> h.clause().platformId()).containsExactlyInAnyOrder("tunes", "films");
    }

    @Test
    void cuts_long_documents_into_pieces_of_at_most_300_characters() {
        String longText = "Sentence about data retention and deletion. ".repeat(40);
        EasyRagSearch search = EasyRagSearch.build(List.of(version("tunes", "2024-01-01", longText)), WORDS);
        List<ScoredClause> hits =
                search.search(SearchRequest.of("retention", 50)).hits();
        assertThat(hits.size()).isGreaterThan(5);
        assertThat(hits).allMatch(h -> h.clause().text().length() <= 300);
    }

    @Test
    void a_version_with_no_text_is_left_out_instead_of_failing_the_build() {
        EasyRagSearch search = EasyRagSearch.build(
                List.of(
                        version("empty", "2021-02-01", " \n "),
                        version("tunes", "2024-01-01", "We will never train models on your songs.")),
                WORDS);
        assertThat(search.search(SearchRequest.of("train models", 5)).hits())
                .extracting(h -> h.clause().platformId())
                .containsExactly("tunes");
    }
}
