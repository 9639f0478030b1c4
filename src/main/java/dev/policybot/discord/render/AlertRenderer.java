package dev.policybot.discord.render;

import dev.policybot.domain.Answer;
import dev.policybot.domain.change.ChangeAlert;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** A policy-change alert as one embed: what changed, between which versions, and where to read it. */
public final class AlertRenderer {
    private static final int MAX_CHANGE_LINE = 300;
    private static final int MAX_LINKS = 5;

    public MessageCreateData render(ChangeAlert alert) {
        String title = "Policy change: " + alert.platform() + " · " + alert.document();
        String versions = alert.from() == null
                ? "New document, version " + alert.to()
                : "Version " + alert.from() + " → " + alert.to();
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Embeds.ALERT_COLOR)
                .setTitle(TextCutter.fit(title, DiscordLimits.EMBED_TITLE), firstLink(alert.links()))
                .setDescription(
                        TextCutter.fit(versions + "\n\n" + changes(alert.changes()), DiscordLimits.EMBED_DESCRIPTION))
                .setFooter(Answer.DISCLAIMER);
        if (alert.note() != null && !alert.note().isBlank()) {
            embed.addField("Note", TextCutter.fit(Embeds.oneLine(alert.note()), DiscordLimits.FIELD_VALUE), false);
        }
        String links = links(alert.links());
        if (!links.isEmpty()) {
            embed.addField("Links", links, false);
        }
        return new MessageCreateBuilder()
                .setEmbeds(embed.build())
                .setAllowedMentions(Embeds.NO_MENTIONS)
                .build();
    }

    private static String changes(List<String> changes) {
        if (changes.isEmpty()) {
            return "The text changed; no clause on the watched topics did.";
        }
        StringBuilder text = new StringBuilder();
        int budget = DiscordLimits.EMBED_DESCRIPTION - 200;
        int shown = 0;
        for (String change : changes) {
            String line = "• " + TextCutter.fit(Embeds.oneLine(change), MAX_CHANGE_LINE) + "\n";
            if (text.length() + line.length() > budget) {
                break;
            }
            text.append(line);
            shown++;
        }
        if (shown < changes.size()) {
            text.append("… and ").append(changes.size() - shown).append(" more changes");
        }
        return text.toString().strip();
    }

    private static String firstLink(List<String> links) {
        return links.stream()
                .map(Embeds::safeUrl)
                .filter(url -> url != null)
                .findFirst()
                .orElse(null);
    }

    /** Only whole links: a cut URL would lead nowhere. */
    private static String links(List<String> links) {
        StringBuilder text = new StringBuilder();
        links.stream()
                .map(Embeds::safeUrl)
                .filter(url -> url != null)
                .limit(MAX_LINKS)
                .forEach(url -> {
                    if (text.length() + url.length() + 1 <= DiscordLimits.FIELD_VALUE) {
                        text.append(url).append('\n');
                    }
                });
        return text.toString().strip();
    }
}
