package dev.policybot.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlossaryTest {
    private final Glossary glossary = Glossary.load();

    private String english(String german) {
        return glossary.fromGerman(german).english();
    }

    @Test
    void translates_a_german_question_word_by_word_keeping_names() {
        assertThat(english("Darf SoundCloud meine Songs für KI-Training nutzen?"))
                .isEqualTo("may SoundCloud my songs for AI training use");
        assertThat(english("Verkauft Discord meine Daten an Werbefirmen?"))
                .isEqualTo("sell Discord my data to advertisers");
    }

    @Test
    void inflected_forms_participles_and_umlaut_spellings_find_their_row() {
        assertThat(english("personalisierte Werbung")).isEqualTo("personalized advertising");
        assertThat(english("gelöscht")).isEqualTo("deleted");
        assertThat(english("geloescht")).isEqualTo("deleted");
        assertThat(english("Zustimmung")).isEqualTo("consent");
        assertThat(english("Einwilligungen")).isEqualTo("consent");
    }

    @Test
    void compounds_are_split_into_their_known_parts() {
        assertThat(english("Datenweitergabe")).isEqualTo("data sharing");
        assertThat(english("KI-Training")).isEqualTo("AI training");
        assertThat(english("Werbeanzeigen")).isEqualTo("advertising ads");
        assertThat(english("Kontolöschung")).isEqualTo("account deletion");
        assertThat(english("Trainingsdaten")).isEqualTo("training data");
        assertThat(english("Musikrechte")).isEqualTo("music rights");
    }

    @Test
    void the_policy_vocabulary_of_the_issue_is_covered() {
        assertThat(english("Nutzungsbedingungen AGB Datenschutzerklärung Datenschutz"))
                .isEqualTo("terms of service terms privacy policy privacy");
        assertThat(english("künstliche Intelligenz trainieren Trainingsdaten"))
                .isEqualTo("artificial intelligence train training data");
        assertThat(english("Konto löschen")).isEqualTo("account delete");
        assertThat(english("Daten verkaufen weitergeben")).isEqualTo("data sell share");
        assertThat(english("Lizenz Urheberrecht Einwilligung widersprechen Opt-out"))
                .isEqualTo("licence copyright consent object opt out");
        assertThat(english("Mindestalter Schiedsverfahren Werbung personalisiert abschalten"))
                .isEqualTo("minimum age arbitration advertising personalized turn off");
        assertThat(english("Geld Künstler Streams Bots widerrufen Kauf erstattet"))
                .isEqualTo("money artists streams bots withdraw purchase refund");
    }

    @Test
    void further_alternatives_and_french_wording_come_along() {
        Glossary.Translation translation = glossary.fromGerman("Konto löschen");
        assertThat(translation.extras()).contains("deletion");
        assertThat(translation.french()).contains("compte", "supprimer");
        assertThat(translation.matched()).containsExactly("konto", "loeschen");
    }

    @Test
    void core_terms_work_in_both_directions_with_french() {
        assertThat(glossary.frenchFor("can i delete my deezer account and all my personal data?"))
                .contains("supprimer", "compte", "données personnelles");
        assertThat(glossary.frenchFor("withdraw from a purchase within 14 days"))
                .contains("rétractation", "achat", "jours");
        assertThat(glossary.fromFrench("Puis-je supprimer mon compte ?").english())
                .contains("delete", "account");
    }

    @Test
    void unknown_words_and_function_words_are_handled_without_guessing() {
        assertThat(english("Xyzzy")).isEqualTo("Xyzzy");
        assertThat(english("der die das")).isEmpty();
    }

    @Test
    void a_row_listed_twice_is_refused_with_its_line() {
        ResourceTable table =
                ResourceTable.parse("g.tsv", List.of("# version: 1", "ki\tAI", "ki\tartificial intelligence"));
        assertThatThrownBy(() -> new Glossary(table)).hasMessageContaining("g.tsv line 3");
    }
}
