package dev.policybot.discord;

import dev.policybot.discord.render.ClauseRenderer;
import dev.policybot.discord.render.DiscordLimits;
import dev.policybot.discord.render.Embeds;
import dev.policybot.discord.render.TextCutter;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Clause;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.change.HistoryNote;
import dev.policybot.history.ChangeWording;
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
    static final String CHANGE = "change";
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

    public static Button showChange(String key) {
        return Button.secondary(String.join(":", CHANGE, key), "Show the change");
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
        return kind.equals(CLAUSE) || kind.equals(REST) || kind.equals(VOTE) || kind.equals(CHANGE);
    }

    /** The ephemeral messages to show for a press, in order (at least one). */
    public List<MessageCreateData> press(String componentId, String userId) {
        return press(componentId, userId, ReplyLanguage.ENGLISH);
    }

    /** The same, worded in {@code language} where the bot words it (quotes stay as the platform wrote them). */
    public List<MessageCreateData> press(String componentId, String userId, ReplyLanguage language) {
        String[] parts = componentId.split(":");
        if (parts.length < 2) {
            throw UserFacingException.badInput("I don't know that button.");
        }
        RecentResults.Shown shown = results.get(parts[1])
                .orElseThrow(() -> UserFacingException.badInput(
                        "I no longer have that answer (the bot restarted or it is too old). Please ask again."));
        return switch (parts[0]) {
            case CLAUSE -> clause(shown, parts.length > 2 ? parts[2] : "");
            case REST -> rest(shown, language);
            case VOTE -> List.of(vote(shown, parts.length > 2 && parts[2].equals(HELPFUL), userId));
            case CHANGE -> List.of(change(shown, language));
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

    private List<MessageCreateData> rest(RecentResults.Shown shown, ReplyLanguage language) {
        if (shown.rest().isEmpty()) {
            throw UserFacingException.badInput("Nothing was cut from that answer.");
        }
        List<String> pages = TextCutter.chunks(shown.rest(), DiscordLimits.EMBED_DESCRIPTION);
        List<MessageCreateData> messages = new ArrayList<>();
        for (int i = 0; i < Math.min(pages.size(), MAX_PAGES); i++) {
            EmbedBuilder embed =
                    new EmbedBuilder().setColor(Embeds.ANSWER_COLOR).setDescription(pages.get(i));
            if (i == 0) {
                embed.setTitle(language == ReplyLanguage.GERMAN ? "Der Rest der Antwort" : "The rest of the answer");
            }
            messages.add(new MessageCreateBuilder()
                    .setEmbeds(embed.build())
                    .setAllowedMentions(Embeds.NO_MENTIONS)
                    .build());
        }
        return messages;
    }

    /**
     * The earlier and the later wording of the change the answer's history line tells of, each linked, and the word
     * diff between them.
     */
    private static MessageCreateData change(RecentResults.Shown shown, ReplyLanguage language) {
        if (shown.history().isEmpty()) {
            throw UserFacingException.badInput("That answer tells of no change.");
        }
        boolean german = language == ReplyLanguage.GERMAN;
        HistoryNote note = shown.history().get(0);
        StringBuilder text = new StringBuilder();
        text.append(
                wording(german ? "Vorher" : "Before", note.before(), (german ? "ab " : "from ") + note.beforeSince()));
        if (note.after() != null) {
            text.append("\n\n")
                    .append(wording(
                            german ? "Nachher" : "After",
                            note.after(),
                            (german ? "seit " : "since ") + note.changed()));
            text.append("\n\n**")
                    .append(german ? "Unterschied" : "Difference")
                    .append("**\n")
                    .append(TextCutter.fit(
                            ChangeWording.diff(
                                    note.before().quote(), note.after().quote()),
                            1_500));
        }
        if (!note.statedDateChanged()) {
            text.append(
                    german
                            ? "\n\n⚑ Das Datum „zuletzt aktualisiert“ im Dokument blieb dabei gleich."
                            : "\n\n⚑ The document's own \"last updated\" date did not change with it.");
        }
        String title = note.before().clause().platform() + " · "
                + note.before().clause().document() + (german ? " geändert am " : " changed on ") + note.changed();
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Embeds.ANSWER_COLOR)
                .setTitle(TextCutter.fit(title, DiscordLimits.EMBED_TITLE))
                .setDescription(TextCutter.fit(text.toString(), DiscordLimits.EMBED_DESCRIPTION));
        return new MessageCreateBuilder()
                .setEmbeds(embed.build())
                .setAllowedMentions(Embeds.NO_MENTIONS)
                .build();
    }

    private static String wording(String label, Citation citation, String when) {
        Clause clause = citation.clause();
        return "**" + label + "** (" + when + ", "
                + Embeds.markdownLink(Embeds.sectionAndVersion(clause), Embeds.linkTo(clause)) + ")\n> "
                + TextCutter.fit(Embeds.oneLine(citation.quote()), 1_500);
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
