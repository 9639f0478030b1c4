package dev.policybot.discord.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policybot.discord.Fixtures;
import dev.policybot.discord.ReplyLanguage;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Outcome;
import java.util.List;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;

class AnswerRendererTest {
    private final AnswerRenderer renderer = new AnswerRenderer();

    @Test
    void citation_names_platform_document_section_and_version_linked_to_the_passage() {
        AnswerRenderer.Rendered rendered =
                renderer.render(Fixtures.soundCloudAnswer(), "Can SoundCloud train AI?", "k1");

        MessageEmbed embed = rendered.message().getEmbeds().get(0);
        assertThat(embed.getTitle()).isEqualTo("Can SoundCloud train AI?");
        assertThat(embed.getDescription()).contains("We will not use your content");
        MessageEmbed.Field citation = embed.getFields().get(0);
        assertThat(citation.getName()).isEqualTo("[1] SoundCloud · Terms of Service");
        assertThat(citation.getValue())
                .startsWith("[Grant of License · version 2025-09-10](https://soundcloud.com/terms-of-use#:~:text=")
                .contains("> We will not use your content to train generative AI models");
        assertThat(embed.getFooter().getText()).contains(Answer.DISCLAIMER);
        assertThat(rendered.rest()).isEmpty();
    }

    @Test
    void a_label_above_the_answer_says_whether_it_answers_or_only_shows_the_closest_passages() {
        Answer answered = Fixtures.soundCloudAnswer();
        Answer unsure = answered.withOutcome(
                Outcome.CLOSEST_PASSAGES,
                "PolicyBot is not sure these passages answer the question; they are the closest it found.\n"
                        + answered.text());

        MessageEmbed confident =
                renderer.render(answered, "q", "k1").message().getEmbeds().get(0);
        MessageEmbed closest =
                renderer.render(unsure, "q", "k2").message().getEmbeds().get(0);
        MessageEmbed german = renderer.render(unsure, "q", "k3", ReplyLanguage.GERMAN)
                .message()
                .getEmbeds()
                .get(0);

        assertThat(confident.getAuthor().getName()).isEqualTo("Answered from the documents");
        assertThat(closest.getAuthor().getName()).isEqualTo("Not sure \u2013 the closest passages");
        assertThat(closest.getFields()).isNotEmpty();
        assertThat(closest.getColorRaw()).isNotEqualTo(confident.getColorRaw());
        assertThat(german.getAuthor().getName()).startsWith("Nicht sicher");
    }

    @Test
    void buttons_show_each_clause_and_ask_for_feedback() {
        MessageEditData message =
                renderer.render(Fixtures.soundCloudAnswer(), "q", "k1").message();

        assertThat(buttons(message))
                .extracting(Button::getCustomId)
                .containsExactly("clause:k1:1", "vote:k1:up", "vote:k1:down");
        assertThat(buttons(message).get(0).getLabel()).isEqualTo("Show clause 1");
    }

    @Test
    void an_answer_beyond_every_limit_fits_in_one_message_and_keeps_the_rest() {
        Answer huge = Fixtures.hugeAnswer();

        AnswerRenderer.Rendered rendered = renderer.render(huge, "x".repeat(5_000), "k2");

        MessageEmbed embed = rendered.message().getEmbeds().get(0);
        assertThat(embed.getLength()).isLessThanOrEqualTo(DiscordLimits.EMBEDS_TOTAL);
        assertThat(embed.isSendable()).isTrue();
        assertThat(embed.getTitle()).hasSizeLessThanOrEqualTo(DiscordLimits.EMBED_TITLE);
        assertThat(embed.getDescription())
                .hasSizeLessThanOrEqualTo(DiscordLimits.EMBED_DESCRIPTION)
                .hasSizeGreaterThanOrEqualTo(AnswerRenderer.MIN_DESCRIPTION)
                .endsWith("…");
        assertThat(embed.getFields())
                .hasSizeLessThanOrEqualTo(DiscordLimits.FIELDS)
                .isNotEmpty()
                .allSatisfy(field -> assertThat(field.getValue()).hasSizeLessThanOrEqualTo(DiscordLimits.FIELD_VALUE));
        assertThat(embed.getFooter().getText()).contains("more citations not shown");
        assertThat(rendered.rest()).startsWith("Sentence number");
        assertThat(buttons(rendered.message())).extracting(Button::getCustomId).contains("rest:k2");
    }

    @Test
    void description_is_cut_at_a_sentence_boundary() {
        String description = renderer.render(Fixtures.hugeAnswer(), "q", "k")
                .message()
                .getEmbeds()
                .get(0)
                .getDescription();

        assertThat(description).endsWith("licence terms. …");
    }

    @Test
    void an_abstention_says_what_was_searched() {
        Answer abstained = new Answer(
                "The indexed documents do not address this.",
                List.of(),
                true,
                "extractive",
                List.of("SoundCloud"),
                List.of("SoundCloud · Terms of Service (version 2025-09-10)"),
                null);

        MessageEmbed embed =
                renderer.render(abstained, "q", "k").message().getEmbeds().get(0);

        assertThat(embed.getFields()).singleElement().satisfies(field -> {
            assertThat(field.getName()).isEqualTo("Searched");
            assertThat(field.getValue()).contains("SoundCloud · Terms of Service");
        });
    }

    @Test
    void mentions_in_the_answer_never_ping() {
        MessageEditData message = renderer.render(Fixtures.soundCloudAnswer(), "@everyone <@&123>", "k")
                .message();

        assertThat(message.getAllowedMentions()).isEmpty();
    }

    static List<Button> buttons(MessageEditData message) {
        return message.getComponentTree().findAll(Button.class);
    }
}
