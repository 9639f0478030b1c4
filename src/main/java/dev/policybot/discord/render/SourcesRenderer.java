package dev.policybot.discord.render;

import dev.policybot.domain.SourceStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** Lists indexed documents grouped by platform, one line each, within one embed's description. */
public final class SourcesRenderer {
    private static final int ROOM_FOR_MORE_LINE = 80;

    public MessageEditData render(List<SourceStatus> sources, boolean onePlatform) {
        if (sources.isEmpty()) {
            String text = onePlatform
                    ? "Nothing is indexed for that platform yet. A moderator can run /reindex."
                    : "Nothing is indexed yet. A moderator can run /reindex.";
            return new MessageEditBuilder().setContent(text).setAllowedMentions(Embeds.NO_MENTIONS).build();
        }
        List<SourceStatus> sorted = sources.stream()
                .sorted(Comparator.comparing(SourceStatus::platform, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(SourceStatus::document, String.CASE_INSENSITIVE_ORDER))
                .toList();
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Embeds.REPORT_COLOR)
                .setTitle("Indexed policy documents")
                .setDescription(lines(sorted))
                .setFooter(sorted.size() + (sorted.size() == 1 ? " document" : " documents")
                        + " · version = date of the newest archived version");
        return new MessageEditBuilder().setEmbeds(embed.build()).setAllowedMentions(Embeds.NO_MENTIONS).build();
    }

    private static String lines(List<SourceStatus> sorted) {
        int budget = DiscordLimits.EMBED_DESCRIPTION - ROOM_FOR_MORE_LINE;
        StringBuilder text = new StringBuilder();
        String platform = null;
        int shown = 0;
        for (SourceStatus source : sorted) {
            List<String> block = new ArrayList<>();
            if (!source.platform().equals(platform)) {
                block.add((platform == null ? "" : "\n") + "**" + source.platform() + "**");
            }
            block.add(line(source));
            String piece = String.join("\n", block) + "\n";
            if (text.length() + piece.length() > budget) {
                break;
            }
            text.append(piece);
            platform = source.platform();
            shown++;
        }
        if (shown < sorted.size()) {
            text.append("… and ").append(sorted.size() - shown).append(" more; narrow it with /sources platform");
        }
        return text.toString().strip();
    }

    private static String line(SourceStatus source) {
        StringBuilder line = new StringBuilder("• ");
        String url = Embeds.safeUrl(source.url());
        line.append(Embeds.markdownLink(source.document(), url != null && url.length() <= 500 ? url : null));
        line.append(" — ");
        line.append(source.currentVersion() == null ? "not archived yet" : "version " + source.currentVersion());
        line.append(" (").append(source.versions()).append(source.versions() == 1 ? " version" : " versions").append(")");
        if (source.lastChecked() != null) {
            line.append(", checked <t:").append(source.lastChecked().getEpochSecond()).append(":R>");
        }
        if (source.lastError() != null && !source.lastError().isBlank()) {
            line.append("\n  ⚠ last error: ").append(TextCutter.fit(Embeds.oneLine(source.lastError()), 200));
        }
        return TextCutter.fit(line.toString(), 1_000);
    }
}
