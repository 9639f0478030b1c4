package dev.policybot.discord.render;

import dev.policybot.discord.ResultButtons;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Comparison;
import dev.policybot.domain.Outcome;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * {@code /compare} as embeds, one per page of platforms, a platform per field: its outcome, the best quote linked to
 * the passage, the version, and the last change on the topic (⚑ when the document's own date did not change); or
 * "not addressed in" the documents searched. Pages that do not fit in one message are kept for "Show the rest".
 * English, or German for users whose Discord language is German (the quotes stay the policies' own words).
 */
public final class CompareRenderer {
    /** Platforms per embed. */
    static final int PER_PAGE = 5;

    private static final int QUOTE = 400;
    private static final int SEARCHED = 400;

    /** The reply and the text left for "Show the rest" (empty when everything fit). */
    public record Rendered(MessageEditData message, String rest) {}

    public Rendered comparison(Comparison comparison, String key, String language) {
        Words words = "de".equals(language) ? Words.GERMAN : Words.ENGLISH;
        List<Comparison.Row> rows = comparison.rows();
        int pages = Math.max(1, (rows.size() + PER_PAGE - 1) / PER_PAGE);
        List<MessageEmbed> embeds = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        int used = Answer.DISCLAIMER.length();
        for (int page = 0; page < pages; page++) {
            List<Comparison.Row> onPage = rows.subList(page * PER_PAGE, Math.min(rows.size(), (page + 1) * PER_PAGE));
            String title = TextCutter.fit(
                    words.title + comparison.subject() + (pages > 1 ? " (" + (page + 1) + "/" + pages + ")" : ""),
                    DiscordLimits.EMBED_TITLE);
            EmbedBuilder embed =
                    new EmbedBuilder().setColor(Embeds.ANSWER_COLOR).setTitle(title);
            int length = title.length();
            for (Comparison.Row row : onPage) {
                String name =
                        TextCutter.fit(row.platform() + " — " + words.outcome(row.outcome()), DiscordLimits.FIELD_NAME);
                String value = TextCutter.fit(value(row, words), DiscordLimits.FIELD_VALUE);
                embed.addField(name, value, false);
                length += name.length() + value.length();
            }
            boolean fits = rest.isEmpty()
                    && embeds.size() < DiscordLimits.EMBEDS
                    && used + length <= DiscordLimits.EMBEDS_TOTAL;
            if (fits) {
                embeds.add(embed.build());
                used += length;
            } else {
                rest.append("**").append(title).append("**\n");
                for (Comparison.Row row : onPage) {
                    rest.append("**")
                            .append(row.platform())
                            .append(" — ")
                            .append(words.outcome(row.outcome()))
                            .append("**\n")
                            .append(value(row, words))
                            .append("\n\n");
                }
            }
        }
        int last = embeds.size() - 1;
        embeds.set(
                last,
                new EmbedBuilder(embeds.get(last)).setFooter(Answer.DISCLAIMER).build());
        MessageEditBuilder message =
                new MessageEditBuilder().setAllowedMentions(Embeds.NO_MENTIONS).setEmbeds(embeds);
        if (!rest.isEmpty()) {
            message.setComponents(ActionRow.of(ResultButtons.showRest(key)));
        }
        return new Rendered(message.build(), rest.toString().strip());
    }

    private static String value(Comparison.Row row, Words words) {
        if (row.outcome() == Outcome.NOT_ADDRESSED || row.citations().isEmpty()) {
            return words.notAddressed + TextCutter.fit(row.searchedList(), SEARCHED);
        }
        Citation best = row.citations().get(0);
        String source = Embeds.markdownLink(
                best.clause().document() + " · " + Embeds.sectionAndVersion(best.clause()),
                Embeds.linkTo(best.clause()));
        return "“" + TextCutter.fit(Embeds.oneLine(best.quote()), QUOTE) + "”\n" + source + "\n"
                + lastChange(row, words);
    }

    private static String lastChange(Comparison.Row row, Words words) {
        Comparison.LastChange change = row.lastChange();
        if (change == null) {
            return words.noChange;
        }
        String told = change.statedDateChanged() == null
                ? words.noStatedDate
                : change.statedDateChanged() ? words.dateUpdated : words.dateNotUpdated;
        return words.lastChange + change.to() + " (" + change.document() + ", " + told + ")";
    }

    /** The renderer's own words in one language. */
    private record Words(
            String title,
            String answered,
            String closest,
            String notAddressedLabel,
            String notAddressed,
            String lastChange,
            String noChange,
            String dateUpdated,
            String dateNotUpdated,
            String noStatedDate) {
        static final Words ENGLISH = new Words(
                "Compare: ",
                "answered",
                "closest passages (not sure)",
                "not addressed",
                "Not addressed in ",
                "Last change on the topic: ",
                "No archived change on the topic.",
                "stated date updated",
                "⚑ stated date not updated",
                "the document states no date");
        static final Words GERMAN = new Words(
                "Vergleich: ",
                "beantwortet",
                "nächste Stellen (unsicher)",
                "nicht behandelt",
                "Nicht behandelt in ",
                "Letzte Änderung zum Thema: ",
                "Keine archivierte Änderung zum Thema.",
                "angegebenes Datum aktualisiert",
                "⚑ angegebenes Datum nicht aktualisiert",
                "das Dokument nennt kein Datum");

        String outcome(Outcome outcome) {
            return switch (outcome) {
                case ANSWERED -> answered;
                case CLOSEST_PASSAGES -> closest;
                case NOT_ADDRESSED -> notAddressedLabel;
            };
        }
    }
}
