package dev.policybot.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceTableTest {

    @Test
    void reads_the_version_line_and_tab_separated_rows_with_their_line_numbers() {
        ResourceTable table = ResourceTable.parse(
                "t.tsv", List.of("# a comment", "# version: 7", "", "ki\tAI; artificial intelligence"));
        assertThat(table.version()).isEqualTo("7");
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(4);
            assertThat(ResourceTable.alternatives(row.cell(1))).containsExactly("AI", "artificial intelligence");
            assertThat(row.cell(2)).isEmpty();
        });
    }

    @Test
    void a_word_list_without_a_version_is_refused() {
        assertThatThrownBy(() -> ResourceTable.parse("t.tsv", List.of("ki\tAI")))
                .hasMessageContaining("t.tsv")
                .hasMessageContaining("version");
    }

    @Test
    void every_shipped_word_list_has_a_version() {
        assertThat(Glossary.load().version()).isNotBlank();
        assertThat(Paraphrases.load().version()).isNotBlank();
        assertThat(IntentRules.load().version()).isNotBlank();
    }
}
