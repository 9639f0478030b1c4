package dev.policybot.discord.render;

import dev.policybot.discord.ReplyLanguage;
import dev.policybot.discord.ResultButtons;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Clause;
import dev.policybot.domain.Outcome;
import dev.policybot.domain.change.HistoryNote;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Turns an {@link Answer} into one Discord message within Discord's limits: a label saying its outcome (answered, not
 * sure: the closest passages, not addressed), the answer as the embed description,
 * one field per citation (platform · document, then section · version linked to the passage, then the quote),
 * and buttons to show each clause, to show what was cut, and to give feedback.
 */
public final class AnswerRenderer {
    /** The answer text always gets at least this much room, even when citations must be dropped for it. */
    static final int MIN_DESCRIPTION = 1_000;

    static final int MAX_CLAUSE_BUTTONS = 2 * DiscordLimits.BUTTONS_PER_ROW;
    private static final int MAX_QUOTE = 600;
    private static final int MAX_LINK_LINE = 380;
    /** The footer is cut to this, so the room it takes is known before the description is sized. */
    private static final int FOOTER_ROOM = 400;

    /**
     * The message and what had to be cut from it.
     *
     * @param message the reply
     * @param shown   the citations shown, in order (their clauses are what "Show clause n" shows)
     * @param rest    the answer text cut from the description, empty when all of it fits
     */
    public record Rendered(MessageEditData message, List<Citation> shown, String rest) {}

    public Rendered render(Answer answer, String question, String key) {
        return render(answer, question, key, ReplyLanguage.ENGLISH);
    }

    /** As above, with the labels, footer and buttons in the reply language. */
    public Rendered render(Answer answer, String question, String key, ReplyLanguage language) {
        String title = TextCutter.fit(Embeds.oneLine(question), DiscordLimits.EMBED_TITLE);
        List<MessageEmbed.Field> fields = new ArrayList<>();
        List<Citation> shown = new ArrayList<>();
        MessageEmbed.Field searched = answer.citations().isEmpty() ? searchedField(answer, language) : null;
        String label = language.outcome(answer.outcome());
        int reserved = title.length() + label.length() + length(searched) + FOOTER_ROOM;
        for (Citation citation : answer.citations()) {
            MessageEmbed.Field field = citationField(citation);
            boolean roomForField = fields.size() < DiscordLimits.FIELDS - 1;
            if (!roomForField || reserved + length(field) > DiscordLimits.EMBEDS_TOTAL - MIN_DESCRIPTION) {
                break;
            }
            fields.add(field);
            shown.add(citation);
            reserved += length(field);
        }
        for (HistoryNote note : answer.history()) {
            MessageEmbed.Field field = historyField(note, language);
            if (fields.size() < DiscordLimits.FIELDS - 1
                    && reserved + length(field) <= DiscordLimits.EMBEDS_TOTAL - MIN_DESCRIPTION) {
                fields.add(field);
                reserved += length(field);
            }
        }
        if (searched != null) {
            fields.add(searched);
        }
        String footer = footer(answer, answer.citations().size() - shown.size(), language);
        int budget = Math.min(DiscordLimits.EMBED_DESCRIPTION, DiscordLimits.EMBEDS_TOTAL - reserved);
        TextCutter.Cut description = TextCutter.cut(answer.text(), budget);

        EmbedBuilder embed = new EmbedBuilder()
                .setColor(color(answer.outcome()))
                .setAuthor(label)
                .setTitle(title.isEmpty() ? language.answer() : title)
                .setDescription(description.shown())
                .setFooter(footer);
        fields.forEach(embed::addField);
        MessageEditData message = new MessageEditBuilder()
                .setEmbeds(embed.build())
                .setComponents(buttons(
                        key, shown, description.wasCut(), !answer.history().isEmpty(), language))
                .setAllowedMentions(Embeds.NO_MENTIONS)
                .build();
        return new Rendered(message, List.copyOf(shown), description.rest());
    }

    private static int color(Outcome outcome) {
        return switch (outcome) {
            case ANSWERED -> Embeds.ANSWER_COLOR;
            case CLOSEST_PASSAGES -> Embeds.CLOSEST_COLOR;
            case NOT_ADDRESSED -> Embeds.ABSTAIN_COLOR;
        };
    }

    private static MessageEmbed.Field citationField(Citation citation) {
        Clause clause = citation.clause();
        String name =
                TextCutter.fit("[" + citation.n() + "] " + Embeds.documentLabel(clause), DiscordLimits.FIELD_NAME);
        String link = Embeds.markdownLink(Embeds.sectionAndVersion(clause), Embeds.linkTo(clause));
        if (link.length() > MAX_LINK_LINE) {
            link = Embeds.markdownLink(
                    TextCutter.fit(Embeds.sectionAndVersion(clause), 120), Embeds.safeUrl(clause.url()));
        }
        if (link.length() > MAX_LINK_LINE) {
            link = TextCutter.fit(Embeds.sectionAndVersion(clause), MAX_LINK_LINE);
        }
        String quote = citation.quote() == null || citation.quote().isBlank() ? clause.text() : citation.quote();
        String value = link + "\n> " + TextCutter.fit(Embeds.oneLine(quote), MAX_QUOTE);
        return new MessageEmbed.Field(name, TextCutter.fit(value, DiscordLimits.FIELD_VALUE), false);
    }

    /** The answer's history line, with a link to the earlier (or, for an as-of answer, the later) wording. */
    private static MessageEmbed.Field historyField(HistoryNote note, ReplyLanguage language) {
        Clause clause = (note.later() && note.after() != null ? note.after() : note.before()).clause();
        String link = Embeds.markdownLink(TextCutter.fit(Embeds.sectionAndVersion(clause), 120), Embeds.linkTo(clause));
        String name = language == ReplyLanguage.GERMAN ? "Verlauf" : "History";
        String value =
                link.length() > MAX_LINK_LINE ? Embeds.oneLine(note.line()) : Embeds.oneLine(note.line()) + "\n" + link;
        return new MessageEmbed.Field(name, TextCutter.fit(value, DiscordLimits.FIELD_VALUE), false);
    }

    private static MessageEmbed.Field searchedField(Answer answer, ReplyLanguage language) {
        if (answer.searched().isEmpty()) {
            return null;
        }
        String lines = String.join("\n", answer.searched());
        return new MessageEmbed.Field(language.searched(), TextCutter.fit(lines, DiscordLimits.FIELD_VALUE), false);
    }

    private static String footer(Answer answer, int notShown, ReplyLanguage language) {
        StringBuilder footer = new StringBuilder(language.disclaimer());
        footer.append(" · ").append(answer.mode());
        if (notShown > 0) {
            footer.append(" · ").append(language.notShown(notShown));
        }
        if (answer.note() != null && !answer.note().isBlank()) {
            footer.append(" · ").append(Embeds.oneLine(answer.note()));
        }
        return TextCutter.fit(footer.toString(), FOOTER_ROOM);
    }

    private static List<ActionRow> buttons(
            String key, List<Citation> shown, boolean cut, boolean changed, ReplyLanguage language) {
        List<Button> clauseButtons = shown.stream()
                .limit(MAX_CLAUSE_BUTTONS)
                .map(citation ->
                        ResultButtons.showClause(key, citation.n()).withLabel(language.showClause(citation.n())))
                .toList();
        List<ActionRow> rows = new ArrayList<>();
        if (!clauseButtons.isEmpty()) { // an empty row is invalid
            rows.addAll(ActionRow.partitionOf(clauseButtons));
        }
        List<Button> last = new ArrayList<>();
        if (cut) {
            last.add(ResultButtons.showRest(key).withLabel(language.showRest()));
        }
        if (changed) {
            last.add(ResultButtons.showChange(key).withLabel(language.showChange()));
        }
        last.add(ResultButtons.helpful(key));
        last.add(ResultButtons.unhelpful(key));
        rows.add(ActionRow.of(last));
        return rows;
    }

    private static int length(MessageEmbed.Field field) {
        return field == null ? 0 : field.getName().length() + field.getValue().length();
    }
}
