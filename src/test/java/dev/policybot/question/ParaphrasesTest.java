package dev.policybot.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class ParaphrasesTest {
    private final Paraphrases paraphrases = Paraphrases.load();

    @Test
    void every_row_matches_its_own_example() {
        assertThat(paraphrases.rows()).hasSizeGreaterThan(40);
        for (Paraphrases.Row row : paraphrases.rows()) {
            assertThat(paraphrases.matching(row.example()))
                    .as("line %d (%s) on its example \"%s\"", row.line(), row.when(), row.example())
                    .contains(row);
        }
    }

    @Test
    void lay_wording_gets_the_policy_wording() {
        assertThat(paraphrases.wordingFor("how do I wipe my stuff?")).contains("delete your content");
        assertThat(paraphrases.wordingFor("are they going to sell my songs to AI companies?"))
                .contains("license to third parties", "train artificial intelligence models");
        assertThat(paraphrases.wordingFor("the creepy algorithm knows everything"))
                .contains("automated decision making", "recommendations");
        assertThat(paraphrases.wordingFor("uninstalled the app, is my account closed?"))
                .contains("deleting the app will not delete your account");
    }

    @Test
    void a_question_in_policy_words_gets_nothing_added() {
        assertThat(paraphrases.wordingFor("Does the licence include the right to sublicense?"))
                .isEmpty();
    }

    @Test
    void the_file_needs_an_example_on_every_row() {
        ResourceTable table = ResourceTable.parse("p.tsv", List.of("# version: 1", "wipe*\tdelete your content"));
        Assertions.assertThatThrownBy(() -> new Paraphrases(table)).hasMessageContaining("p.tsv line 2");
    }
}
