package dev.policybot.discord;

import dev.policybot.discord.render.ClauseRenderer;
import dev.policybot.discord.render.DiscordLimits;
import dev.policybot.discord.render.Embeds;
import dev.policybot.discord.render.TextCutter;
import dev.policybot.domain.Citation;
import dev.policybot.domain.UserFacingException;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The buttons under answers and lookups, and what pressing them shows (always only to the one who pressed):
 * "Show clause n", "Show the rest", and 👍 / 👎. Their ids carry the key of the result in {@link RecentResults}.
 */
public final class ResultButtons {
    static final String CLAUSE = "clause";
    static final String REST = "rest";
    static final String VOTE = "vote";
    static final String HELPFUL = "up";
    static final String UNHELPFUL = "down";
    /** Follow-ups are capped so a huge text cannot flood the channel. */
    public static final int MAX_PAGES = 5;

    private final RecentResults results;
    private final FeedbackCounter feedback;
    private final ClauseRenderer clauseRenderer;

    public ResultButtons(RecentResults results, FeedbackCounter feedback, ClauseRenderer clauseRenderer) {
        this.results = results;
        this.feedback = feedback;
        this.clauseRenderer = clauseRenderer;
    }

    public static Button showClause(String key, int n) {
        return Button.secondary(String.join(":", CLAUSE, key, Integer.toString(n)), "Show clause " + n);
    }

    public static Button showRest(String key) {
        return Button.primary(String.join(":", REST, key), "Show the rest");
    }

    public static Button helpful(String key) {
        return Button.secondary(String.join(":", VOTE, key, HELPFUL), Emoji.fromUnicode("👍"));
    }

    public static Button unhelpful(String key) {
        return Button.secondary(String.join(":", VOTE, key, UNHELPFUL), Emoji.fromUnicode("👎"));
    }

    /** Whether this component id belongs to these buttons. */
    public boolean handles(String componentId) {
        String kind = componentId.split(":", 2)[0];
        return kind.equals(CLAUSE) || kind.equals(REST) || kind.equals(VOTE);
    }

    /** The ephemeral messages to show for a press, in order (at least one). */
    public List<MessageCreateData> press(String componentId, String userId) {
        String[] parts = componentId.split(":");
        if (parts.length < 2) {
            throw UserFacingException.badInput("I don't know that button.");
        }
        RecentResults.Shown shown = results.get(parts[1])
                .orElseThrow(() -> UserFacingException.badInput(
                        "I no longer have that answer (the bot restarted or it is too old). Please ask again."));
        return switch (parts[0]) {
            case CLAUSE -> clause(shown, parts.length > 2 ? parts[2] : "");
            case REST -> rest(shown);
            case VOTE -> List.of(vote(shown, parts.length > 2 && parts[2].equals(HELPFUL), userId));
            default -> throw UserFacingException.badInput("I don't know that button.");
        };
    }

    private List<MessageCreateData> clause(RecentResults.Shown shown, String number) {
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw UserFacingException.badInput("I don't know that clause number.");
        }
        Citation citation = shown.citation(n)
                .orElseThrow(() -> UserFacingException.badInput("That answer has no clause " + n + "."));
        return clauseRenderer.render(citation.clause(), n);
    }

    private List<MessageCreateData> rest(RecentResults.Shown shown) {
        if (shown.rest().isEmpty()) {
            throw UserFacingException.badInput("Nothing was cut from that answer.");
        }
        List<String> pages = TextCutter.chunks(shown.rest(), DiscordLimits.EMBED_DESCRIPTION);
        List<MessageCreateData> messages = new ArrayList<>();
        for (int i = 0; i < Math.min(pages.size(), MAX_PAGES); i++) {
            EmbedBuilder embed =
                    new EmbedBuilder().setColor(Embeds.ANSWER_COLOR).setDescription(pages.get(i));
            if (i == 0) {
                embed.setTitle("The rest of the answer");
            }
            messages.add(new MessageCreateBuilder()
                    .setEmbeds(embed.build())
                    .setAllowedMentions(Embeds.NO_MENTIONS)
                    .build());
        }
        return messages;
    }

    private MessageCreateData vote(RecentResults.Shown shown, boolean wasHelpful, String userId) {
        if (!shown.voters().add(userId)) {
            return text("You already gave feedback on this answer. Thank you!");
        }
        feedback.record(wasHelpful, shown);
        return text(wasHelpful ? "Thanks, glad it helped." : "Thanks for telling us; we use this to improve answers.");
    }

    private static MessageCreateData text(String content) {
        return new MessageCreateBuilder()
                .setContent(content)
                .setAllowedMentions(Embeds.NO_MENTIONS)
                .build();
    }
}
