package dev.policybot.question;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.domain.Clause;
import dev.policybot.domain.Topic;
import dev.policybot.domain.UnderstoodQuery;
import dev.policybot.domain.port.Embedder;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyQueryUnderstandingTest {
    private static final LocalDate DAY = LocalDate.parse("2026-01-01");
    private final PolicyQueryUnderstanding understanding = PolicyQueryUnderstanding.offline();

    private static Clause clause(String document, String text) {
        return new Clause(
                "tunes/" + document + "#c-" + Math.abs(text.hashCode()),
                "tunes",
                "Tunes",
                document,
                document,
                List.of(),
                text,
                DAY,
                null,
                null,
                null);
    }

    @Test
    void a_german_question_is_searched_in_english_with_its_topics() {
        UnderstoodQuery understood = understanding.understand("Darf SoundCloud meine Songs für KI-Training nutzen?");

        assertThat(understood.language()).isEqualTo("de");
        assertThat(understood.question()).isEqualTo("Darf SoundCloud meine Songs für KI-Training nutzen?");
        assertThat(understood.english()).isEqualTo("may SoundCloud my songs for AI training use");
        assertThat(understood.expansions()).containsKeys("artificial intelligence", "machine learning");
        assertThat(understood.topics()).contains(Topic.AI_TRAINING, Topic.CONTENT_LICENCE);
    }

    @Test
    void an_english_question_keeps_its_words_and_gains_policy_wording() {
        UnderstoodQuery understood = understanding.understand("uninstalled the app, does that close my account?");

        assertThat(understood.english()).isEqualTo("uninstalled the app, does that close my account?");
        assertThat(understood.expansions()).containsKey("deleting the app will not delete your account");
        assertThat(understood.dense())
                .startsWith(understood.english() + ". ")
                .contains("deleting the app will not delete your account");
        assertThat(understood.topics()).contains(Topic.DELETION_RETENTION);
    }

    @Test
    void a_question_in_policy_words_is_left_alone() {
        UnderstoodQuery understood = understanding.understand("What is the governing law?");

        assertThat(understood.english()).isEqualTo("What is the governing law?");
        assertThat(understood.dense()).isEqualTo(understood.english());
        assertThat(understood.topics()).isEmpty();
        assertThat(understood.prior().of(clause("terms-of-service", "These terms are governed by Dutch law.")))
                .isEqualTo(1.0);
    }

    @Test
    void clauses_on_the_questions_topic_and_in_the_document_it_points_at_are_raised_never_dropped() {
        UnderstoodQuery understood = understanding.understand("will they train AI on my music?");
        Clause training = clause("terms-of-service", "We will not use your content to train generative AI models.");
        Clause aiFeature = clause("terms-of-service", "Our AI tools can generate music for you.");
        Clause spam = clause("community-guidelines", "Do not post spam or misleading links.");

        double onTopic = understood.prior().of(training);
        assertThat(onTopic).isGreaterThan(understood.prior().of(aiFeature));
        assertThat(understood.prior().of(aiFeature))
                .isGreaterThan(understood.prior().of(spam));
        assertThat(understood.prior().of(spam)).isEqualTo(1.0);
    }

    @Test
    void my_data_raises_the_privacy_policy_and_my_tracks_the_terms() {
        Clause terms = clause("terms-of-service", "Something about the service.");
        Clause privacy = clause("privacy-policy", "Something about the service.");

        UnderstoodQuery data = understanding.understand("what happens to my data?");
        UnderstoodQuery tracks = understanding.understand("what happens to my tracks?");

        assertThat(data.prior().of(privacy)).isGreaterThan(data.prior().of(terms));
        assertThat(tracks.prior().of(terms)).isGreaterThan(tracks.prior().of(privacy));
    }

    @Test
    void an_english_question_finds_french_clauses_through_the_french_wording_of_its_core_terms() {
        UnderstoodQuery understood =
                understanding.understand("can i delete my deezer account and all my personal data?");
        Clause answer = clause(
                "privacy-policy",
                "Vous pouvez supprimer votre compte et toutes les données personnelles "
                        + "associées à votre compte dans les paramètres de votre compte.");
        Clause other = clause("privacy-policy", "Nous utilisons des cookies pour mesurer l'audience de notre site.");

        assertThat(understood.expansions()).containsKeys("supprimer", "compte", "données personnelles");
        assertThat(understood.prior().of(answer))
                .isGreaterThan(understood.prior().of(other));
    }

    @Test
    void a_german_question_about_a_french_text_gets_its_french_words_too() {
        UnderstoodQuery understood =
                understanding.understand("Ist es bei Deezer erlaubt, Streams mit Bots künstlich hochzutreiben?");

        assertThat(understood.expansions()).containsKeys("écoutes", "robots", "artificiellement");
    }

    @Test
    void with_an_embedder_a_question_close_to_a_topic_description_gets_that_topic_without_any_rule() {
        PolicyQueryUnderstanding withModel =
                new PolicyQueryUnderstanding(new TopicAxesEmbedder(), PolicyQueryUnderstanding.Settings.DEFAULT);

        assertThat(understanding.understand("what about the zebra thing?").topics())
                .isEmpty();
        assertThat(withModel.understand("what about the zebra thing?").topics()).containsExactly(Topic.MONETISATION);
        assertThat(withModel.understand("hello there").topics()).isEmpty();
    }

    /** One axis per topic description; "zebra" points exactly along the monetisation axis, anything else nowhere. */
    private static final class TopicAxesEmbedder implements Embedder {
        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(this::vector).toList();
        }

        private float[] vector(String text) {
            float[] v = new float[Topic.values().length + 1];
            for (Topic topic : Topic.values()) {
                if (topic.description().equals(text)) {
                    v[topic.ordinal()] = 1;
                    return v;
                }
            }
            v[text.contains("zebra") ? Topic.MONETISATION.ordinal() : Topic.values().length] = 1;
            return v;
        }

        @Override
        public int dimension() {
            return Topic.values().length + 1;
        }

        @Override
        public String modelId() {
            return "topic-axes";
        }
    }
}
