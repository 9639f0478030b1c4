package dev.policybot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policybot.discord.render.ClauseRenderer;
import dev.policybot.discord.render.DiscordLimits;
import dev.policybot.domain.UserFacingException;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

class ResultButtonsTest {
    private final RecentResults results = new RecentResults(2);
    private final FeedbackCounter feedback = new FeedbackCounter();
    private final ResultButtons buttons = new ResultButtons(results, feedback, new ClauseRenderer());

    @Test
    void show_clause_gives_the_full_clause_with_its_source() {
        results.put("k", new RecentResults.Shown(Fixtures.soundCloudAnswer().citations(), "", "extractive", false));

        List<MessageCreateData> messages = buttons.press("clause:k:1", "alice");

        MessageEmbed embed = messages.get(0).getEmbeds().get(0);
        assertThat(embed.getDescription()).isEqualTo(Fixtures.SOUNDCLOUD_TEXT);
        assertThat(embed.getTitle()).isEqualTo("[1] SoundCloud · Terms of Service");
        assertThat(embed.getFields())
                .extracting(MessageEmbed.Field::getValue)
                .contains(
                        "Terms of Use › Grant of License",
                        "2025-09-10 (current)",
                        "`" + Fixtures.SOUNDCLOUD_CLAUSE_ID + "`");
    }

    @Test
    void a_very_long_clause_comes_in_pages_within_the_limits() {
        var answer = Fixtures.hugeAnswer();
        results.put("k", new RecentResults.Shown(answer.citations(), "", "extractive", false));

        List<MessageCreateData> messages = buttons.press("clause:k:3", "alice");

        assertThat(messages)
                .hasSizeGreaterThan(1)
                .allSatisfy(m ->
                        assertThat(m.getEmbeds().get(0).getLength()).isLessThanOrEqualTo(DiscordLimits.EMBEDS_TOTAL));
    }

    @Test
    void show_the_rest_gives_what_was_cut() {
        results.put("k", new RecentResults.Shown(List.of(), "The cut part. It goes on.", "extractive", false));

        List<MessageCreateData> messages = buttons.press("rest:k", "alice");

        assertThat(messages.get(0).getEmbeds().get(0).getDescription()).isEqualTo("The cut part. It goes on.");
    }

    @Test
    void feedback_is_counted_once_per_user_and_answer() {
        results.put("k", new RecentResults.Shown(List.of(), "", "extractive", false));

        buttons.press("vote:k:up", "alice");
        buttons.press("vote:k:down", "alice");
        buttons.press("vote:k:down", "bob");

        assertThat(feedback.totals()).isEqualTo(new FeedbackCounter.Totals(1, 1));
    }

    @Test
    void a_forgotten_answer_asks_the_user_to_ask_again() {
        results.put("a", new RecentResults.Shown(List.of(), "", "extractive", false));
        results.put("b", new RecentResults.Shown(List.of(), "", "extractive", false));
        results.put("c", new RecentResults.Shown(List.of(), "", "extractive", false));

        assertThatThrownBy(() -> buttons.press("vote:a:up", "alice"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("ask again");
    }

    @Test
    void a_clause_number_the_answer_does_not_have_is_refused() {
        results.put("k", new RecentResults.Shown(Fixtures.soundCloudAnswer().citations(), "", "extractive", false));

        assertThatThrownBy(() -> buttons.press("clause:k:7", "alice")).hasMessage("That answer has no clause 7.");
        assertThatThrownBy(() -> buttons.press("clause:k:x", "alice")).isInstanceOf(UserFacingException.class);
    }
}
