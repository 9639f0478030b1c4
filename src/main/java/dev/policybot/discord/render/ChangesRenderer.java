package dev.policybot.discord.render;

import dev.policybot.discord.ResultButtons;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Topic;
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
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * {@code /changes} and {@code /history} as embeds, one per document, within Discord's limits: added, removed and
 * changed clauses with a compact word diff ({@code [-old-]{+new+}}), formatting-only counts, the did-they-tell-us
 * line and links. What does not fit is kept for the "Show the rest" button, which pages through it.
 */
public final class ChangesRenderer {
    private static final int MAX_CHANGE_LINE = 700;
    /** Room kept for titles and footers within the 6,000 characters of all embeds. */
    private static final int RESERVE = 600;

    /** The reply and the text left for "Show the rest" (empty when everything fit). */
    public record Rendered(MessageEditData message, String rest) {}

    public Rendered changes(List<ChangeResult> results, String key) {
        List<Block> blocks = new ArrayList<>();
        for (ChangeResult result : results) {
            blocks.add(changeBlock(result));
        }
        return render(blocks, key);
    }

    public Rendered history(List<DocumentHistory> histories, String key) {
        List<Block> blocks = new ArrayList<>();
        for (DocumentHistory history : histories) {
            List<String> lines = new ArrayList<>();
            for (HistoryEntry entry : history.entries()) {
                String flag = entry.change() != null && entry.change().silentChange() ? " ⚑" : "";
                lines.add("**" + entry.date() + "**" + flag + " — " + Embeds.oneLine(entry.summary()));
            }
            blocks.add(new Block(
                    history.document().platform() + " · " + history.document().document() + " — "
                            + history.entries().size() + " versions",
                    history.document().url(),
                    lines));
        }
        return render(blocks, key);
    }

    private static Block changeBlock(ChangeResult result) {
        String title = result.document().platform() + " · " + result.document().document();
        List<String> lines = new ArrayList<>();
        DocumentChange change = result.change();
        if (result.note() != null) {
            lines.add(result.note());
        }
        if (change != null) {
            title += " — " + change.from() + " → " + change.to();
            lines.add(Embeds.oneLine(change.summary()));
            lines.add(ChangeWording.toldUs(change));
            for (ClauseChange c : change.changes()) {
                if (c.isContent()) {
                    lines.add(clauseLine(c));
                }
            }
        }
        for (HistoryEntry entry : result.earlier()) {
            lines.add(
                    "Earlier: " + entry.change().from() + " → " + entry.date() + " " + Embeds.oneLine(entry.summary()));
        }
        return new Block(title, change == null ? result.document().url() : change.url(), lines);
    }

    private static String clauseLine(ClauseChange c) {
        String mark = switch (c.kind()) {
            case ADDED -> "➕ Added";
            case REMOVED -> "➖ Removed";
            default -> "✏️ Changed";
        };
        String topics = c.topics().isEmpty()
                ? ""
                : " · " + c.topics().stream().map(Topic::id).sorted().collect(Collectors.joining(", "));
        String text = c.kind() == ClauseChange.Kind.CHANGED
                ? ChangeWording.words(c.words())
                : ChangeWording.oneLine(c.clause().text());
        String section = Embeds.markdownLink(ChangeWording.section(c), Embeds.linkTo(c.clause()));
        return "**" + mark + "** · " + section + topics + "\n" + TextCutter.fit(Embeds.oneLine(text), MAX_CHANGE_LINE);
    }

    private Rendered render(List<Block> blocks, String key) {
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
            message.setContent("Nothing to show.");
        } else {
            List<MessageEmbed> withFooter = new ArrayList<>(embeds);
            int last = withFooter.size() - 1;
            withFooter.set(
                    last,
                    new EmbedBuilder(withFooter.get(last))
                            .setFooter(Answer.DISCLAIMER)
                            .build());
            message.setEmbeds(withFooter);
        }
        if (!rest.isEmpty()) {
            message.setComponents(ActionRow.of(ResultButtons.showRest(key)));
        }
        return new Rendered(message.build(), rest.toString().strip());
    }

    private record Block(String title, String url, List<String> lines) {}
}
