package dev.policybot.discord.render;

import dev.policybot.discord.ReplyLanguage;
import dev.policybot.discord.ResultButtons;
import dev.policybot.domain.Topic;
import dev.policybot.domain.change.ChangeAlert;
import dev.policybot.domain.change.ChangeResult;
import dev.policybot.domain.change.ClauseChange;
import dev.policybot.domain.change.DocumentChange;
import dev.policybot.domain.change.DocumentHistory;
import dev.policybot.domain.change.HistoryEntry;
import dev.policybot.history.ChangeWording;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Policy changes in Discord, one renderer for {@code /changes}, {@code /history} and change alerts: added, removed
 * and changed clauses with a compact word diff ({@code [-old-]{+new+}}), formatting-only counts, the
 * did-they-tell-us line and links, in the reader's language, within Discord's limits. What does not fit a reply is
 * kept for the "Show the rest" button, which pages through it; an alert ends with "… and n more changes".
 */
public final class ChangesRenderer {
    private static final int MAX_CHANGE_LINE = 700;
    /** Room kept for titles and footers within the 6,000 characters of all embeds. */
    private static final int RESERVE = 600;

    private static final int MAX_LINKS = 5;

    /** The reply and the text left for "Show the rest" (empty when everything fit). */
    public record Rendered(MessageEditData message, String rest) {}

    public Rendered changes(List<ChangeResult> results, String key, ReplyLanguage language) {
        ChangeLabels labels = new ChangeLabels(language);
        List<Block> blocks = new ArrayList<>();
        for (ChangeResult result : results) {
            blocks.add(changeBlock(result, labels));
        }
        return render(blocks, key, language);
    }

    public Rendered history(List<DocumentHistory> histories, String key, ReplyLanguage language) {
        ChangeLabels labels = new ChangeLabels(language);
        List<Block> blocks = new ArrayList<>();
        for (DocumentHistory history : histories) {
            List<String> lines = new ArrayList<>();
            for (HistoryEntry entry : history.entries()) {
                String flag = entry.change() != null && entry.change().silentChange() ? " ⚑" : "";
                String summary = entry.isFirst() ? labels.firstVersion() : labels.summary(entry.change());
                lines.add("**" + entry.date() + "**" + flag + " — " + Embeds.oneLine(summary));
            }
            blocks.add(new Block(
                    history.document().platform() + " · " + history.document().document() + " — "
                            + labels.versions(history.entries().size()),
                    history.document().url(),
                    lines));
        }
        return render(blocks, key, language);
    }

    /**
     * A change alert as one embed: the versions, the did-they-tell-us line and each alerted clause as {@code /changes}
     * shows it (or the alert's summary lines when it carries no change), the note and the links.
     */
    public MessageCreateData alert(ChangeAlert alert, ReplyLanguage language) {
        ChangeLabels labels = new ChangeLabels(language);
        List<String> lines = new ArrayList<>();
        if (alert.change() != null) {
            lines.add(labels.toldUs(alert.change()));
            alert.clauses().forEach(c -> lines.add(clauseLine(c, labels)));
        } else {
            alert.changes().forEach(c -> lines.add("• " + TextCutter.fit(Embeds.oneLine(c), 300)));
        }
        if (lines.isEmpty()) {
            lines.add(labels.noWatchedChange());
        }
        StringBuilder description = new StringBuilder(labels.versionLine(alert.from(), alert.to()));
        int budget = DiscordLimits.EMBED_DESCRIPTION - 200;
        int shown = 0;
        for (String line : lines) {
            if (description.length() + line.length() + 2 > budget) {
                break;
            }
            description.append("\n\n").append(line);
            shown++;
        }
        if (shown < lines.size()) {
            description.append("\n\n").append(labels.more(lines.size() - shown));
        }
        List<String> links = alert.links().stream()
                .map(Embeds::safeUrl)
                .filter(url -> url != null)
                .distinct()
                .limit(MAX_LINKS)
                .toList();
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Embeds.ALERT_COLOR)
                .setTitle(
                        TextCutter.fit(labels.title(alert.platform(), alert.document()), DiscordLimits.EMBED_TITLE),
                        links.isEmpty() ? null : links.get(0))
                .setDescription(TextCutter.fit(description.toString(), DiscordLimits.EMBED_DESCRIPTION))
                .setFooter(language.disclaimer());
        if (alert.note() != null && !alert.note().isBlank() && alert.change() == null) {
            embed.addField(
                    labels.note(), TextCutter.fit(Embeds.oneLine(alert.note()), DiscordLimits.FIELD_VALUE), false);
        }
        String linkText = wholeLinks(links);
        if (!linkText.isEmpty()) {
            embed.addField("Links", linkText, false);
        }
        return new MessageCreateBuilder()
                .setEmbeds(embed.build())
                .setAllowedMentions(Embeds.NO_MENTIONS)
                .build();
    }

    /** Only whole links: a cut URL would lead nowhere. */
    private static String wholeLinks(List<String> links) {
        StringBuilder text = new StringBuilder();
        for (String url : links) {
            if (text.length() + url.length() + 1 <= DiscordLimits.FIELD_VALUE) {
                text.append(url).append('\n');
            }
        }
        return text.toString().strip();
    }

    private static Block changeBlock(ChangeResult result, ChangeLabels labels) {
        String title = result.document().platform() + " · " + result.document().document();
        List<String> lines = new ArrayList<>();
        DocumentChange change = result.change();
        if (result.note() != null) {
            lines.add(result.note());
        }
        if (change != null) {
            title += " — " + change.from() + " → " + change.to();
            lines.add(Embeds.oneLine(labels.summary(change)));
            lines.add(labels.toldUs(change));
            for (ClauseChange c : change.changes()) {
                if (c.isContent()) {
                    lines.add(clauseLine(c, labels));
                }
            }
        }
        for (HistoryEntry entry : result.earlier()) {
            lines.add(labels.earlier() + entry.change().from() + " → " + entry.date() + " "
                    + Embeds.oneLine(labels.summary(entry.change())));
        }
        return new Block(title, change == null ? result.document().url() : change.url(), lines);
    }

    private static String clauseLine(ClauseChange c, ChangeLabels labels) {
        String topics = c.topics().isEmpty()
                ? ""
                : " · " + c.topics().stream().map(Topic::id).sorted().collect(Collectors.joining(", "));
        String text = c.kind() == ClauseChange.Kind.CHANGED
                ? ChangeWording.words(c.words())
                : ChangeWording.oneLine(c.clause().text());
        String section = Embeds.markdownLink(ChangeWording.section(c), Embeds.linkTo(c.clause()));
        return "**" + labels.kind(c.kind()) + "** · " + section + topics + "\n"
                + TextCutter.fit(Embeds.oneLine(text), MAX_CHANGE_LINE);
    }

    private Rendered render(List<Block> blocks, String key, ReplyLanguage language) {
        List<MessageEmbed> embeds = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        int budget = DiscordLimits.EMBEDS_TOTAL - RESERVE;
        for (Block block : blocks) {
            StringBuilder description = new StringBuilder();
            for (String line : block.lines) {
                boolean fits = embeds.size() < DiscordLimits.EMBEDS
                        && description.length() + line.length() + 2 <= DiscordLimits.EMBED_DESCRIPTION
                        && description.length() + line.length() + 2 + block.title.length() <= budget;
                if (fits && rest.isEmpty()) {
                    description.append(line).append("\n\n");
                } else {
                    if (rest.isEmpty() || !rest.toString().contains(block.title)) {
                        rest.append("**").append(block.title).append("**\n");
                    }
                    rest.append(line).append("\n\n");
                }
            }
            if (!description.isEmpty()) {
                String title = TextCutter.fit(block.title, DiscordLimits.EMBED_TITLE);
                embeds.add(new EmbedBuilder()
                        .setColor(Embeds.ALERT_COLOR)
                        .setTitle(title, Embeds.safeUrl(block.url))
                        .setDescription(description.toString().strip())
                        .build());
                budget -= title.length() + description.length();
            }
        }
        MessageEditBuilder message = new MessageEditBuilder().setAllowedMentions(Embeds.NO_MENTIONS);
        if (embeds.isEmpty()) {
            message.setContent(new ChangeLabels(language).nothing());
        } else {
            List<MessageEmbed> withFooter = new ArrayList<>(embeds);
            int last = withFooter.size() - 1;
            withFooter.set(
                    last,
                    new EmbedBuilder(withFooter.get(last))
                            .setFooter(language.disclaimer())
                            .build());
            message.setEmbeds(withFooter);
        }
        if (!rest.isEmpty()) {
            message.setComponents(ActionRow.of(ResultButtons.showRest(key).withLabel(language.showRest())));
        }
        return new Rendered(message.build(), rest.toString().strip());
    }

    private record Block(String title, String url, List<String> lines) {}
}
