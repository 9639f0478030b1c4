package dev.policybot.discord.render;

import dev.policybot.config.Secrets;
import dev.policybot.domain.LastReindex;
import dev.policybot.domain.SourceStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** Lists indexed documents grouped by platform, one line each, within one embed's description. */
public final class SourcesRenderer {
    /** The embed field with how the last reindex or scheduled check ended. */
    public static final String LAST_CHECK = "Last check";

    private static final int ROOM_FOR_MORE_LINE = 80;

    /** For everyone: links without credentials or query, failures as a short reason (see {@link PublicReasons}). */
    public MessageEditData render(List<SourceStatus> sources, boolean onePlatform) {
        return render(sources, onePlatform, Optional.empty(), false);
    }

    /** As above, with how the last reindex or scheduled check ended. */
    public MessageEditData render(List<SourceStatus> sources, boolean onePlatform, Optional<LastReindex> last) {
        return render(sources, onePlatform, last, false);
    }

    /** For a moderator's eyes only (the reply is ephemeral): the whole reasons, secrets masked. */
    public MessageEditData renderForModerators(List<SourceStatus> sources, boolean onePlatform) {
        return render(sources, onePlatform, Optional.empty(), true);
    }

    /** As above, with how the last reindex or scheduled check ended. */
    public MessageEditData renderForModerators(
            List<SourceStatus> sources, boolean onePlatform, Optional<LastReindex> last) {
        return render(sources, onePlatform, last, true);
    }

    private MessageEditData render(
            List<SourceStatus> sources, boolean onePlatform, Optional<LastReindex> last, boolean details) {
        if (sources.isEmpty()) {
            String text = onePlatform
                    ? "Nothing is indexed for that platform yet. A moderator can run /reindex."
                    : "Nothing is indexed yet. A moderator can run /reindex.";
            return new MessageEditBuilder()
                    .setContent(text
                            + last.map(l -> "\nLast check: " + lastCheck(l, details))
                                    .orElse(""))
                    .setAllowedMentions(Embeds.NO_MENTIONS)
                    .build();
        }
        List<SourceStatus> sorted = sources.stream()
                .sorted(Comparator.comparing(SourceStatus::platform, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(SourceStatus::document, String.CASE_INSENSITIVE_ORDER))
                .toList();
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Embeds.REPORT_COLOR)
                .setTitle("Indexed policy documents")
                .setDescription(lines(sorted, details))
                .setFooter(sorted.size() + (sorted.size() == 1 ? " document" : " documents")
                        + " · version = date of the newest archived version");
        last.ifPresent(l -> embed.addField(LAST_CHECK, lastCheck(l, details), false));
        return new MessageEditBuilder()
                .setEmbeds(embed.build())
                .setAllowedMentions(Embeds.NO_MENTIONS)
                .build();
    }

    /** "completed <t:…:R> · 1 changed, 3 unchanged, 0 failed", or "⚠ failed <t:…:R>: reason". */
    static String lastCheck(LastReindex last, boolean details) {
        String when = "<t:" + last.endedAt().getEpochSecond() + ":R>";
        if (last.completed()) {
            return "completed " + when + " · " + last.changed() + " changed, " + last.unchanged() + " unchanged, "
                    + last.failed() + " failed";
        }
        String reason =
                last.outcome().startsWith("failed: ") ? last.outcome().substring("failed: ".length()) : last.outcome();
        reason = details ? Secrets.redact(reason) : PublicReasons.of(reason);
        return TextCutter.fit("⚠ failed " + when + ": " + Embeds.oneLine(reason), 300);
    }

    private static String lines(List<SourceStatus> sorted, boolean details) {
        int budget = DiscordLimits.EMBED_DESCRIPTION - ROOM_FOR_MORE_LINE;
        StringBuilder text = new StringBuilder();
        String platform = null;
        int shown = 0;
        for (SourceStatus source : sorted) {
            List<String> block = new ArrayList<>();
            if (!source.platform().equals(platform)) {
                block.add((platform == null ? "" : "\n") + "**" + source.platform() + "**");
            }
            block.add(line(source, details));
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

    private static String line(SourceStatus source, boolean details) {
        StringBuilder line = new StringBuilder("• ");
        String url = Embeds.safeUrl(details ? Secrets.redact(source.url()) : PublicReasons.url(source.url()));
        line.append(Embeds.markdownLink(source.document(), url != null && url.length() <= 500 ? url : null));
        line.append(" — ");
        line.append(source.currentVersion() == null ? "not archived yet" : "version " + source.currentVersion());
        line.append(" (")
                .append(source.versions())
                .append(source.versions() == 1 ? " version" : " versions")
                .append(")");
        if (source.lastChecked() != null) {
            line.append(", checked <t:")
                    .append(source.lastChecked().getEpochSecond())
                    .append(":R>");
        }
        if (source.lastError() != null && !source.lastError().isBlank()) {
            String reason = details ? Secrets.redact(source.lastError()) : PublicReasons.of(source.lastError());
            line.append("\n  ⚠ last error: ").append(TextCutter.fit(Embeds.oneLine(reason), 200));
        }
        return TextCutter.fit(line.toString(), 1_000);
    }
}
