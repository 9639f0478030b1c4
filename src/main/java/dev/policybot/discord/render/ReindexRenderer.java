package dev.policybot.discord.render;

import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.ReindexReport.Outcome;
import dev.policybot.domain.ReindexReport.SourceOutcome;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** The texts of a running reindex (progress) and of its end (the report: counts, then one line per source). */
public final class ReindexRenderer {

    public MessageEditData started(String platform) {
        return content(
                "Reindexing " + (platform == null ? "all sources" : platform) + "… this can take a few minutes.");
    }

    public MessageEditData progress(int done, int total, String what) {
        String count = total > 0 ? done + " of " + total : Integer.toString(done);
        return content(
                TextCutter.fit("Reindexing… " + count + " done (" + Embeds.oneLine(what) + ")", DiscordLimits.CONTENT));
    }

    public MessageEditData report(ReindexReport report) {
        String summary = String.format(
                Locale.ROOT,
                "%d changed · %d unchanged · %d failed · %,d clauses indexed · %.1f s",
                report.count(Outcome.CHANGED),
                report.count(Outcome.UNCHANGED),
                report.count(Outcome.FAILED),
                report.clauses(),
                report.elapsed().toMillis() / 1000.0);
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(report.count(Outcome.FAILED) > 0 ? Embeds.ALERT_COLOR : Embeds.CLAUSE_COLOR)
                .setTitle("Reindex finished")
                .setDescription(
                        TextCutter.fit(summary + "\n\n" + lines(report.sources()), DiscordLimits.EMBED_DESCRIPTION));
        return new MessageEditBuilder()
                .setContent("")
                .setEmbeds(embed.build())
                .setAllowedMentions(Embeds.NO_MENTIONS)
                .build();
    }

    /** Failures first (they need attention), then changes, then the unchanged. */
    private static String lines(List<SourceOutcome> sources) {
        StringBuilder text = new StringBuilder();
        sources.stream()
                .sorted(Comparator.comparing(SourceOutcome::outcome, Comparator.comparingInt(ReindexRenderer::rank)))
                .forEach(source -> text.append(line(source)).append('\n'));
        return text.toString().strip();
    }

    private static int rank(Outcome outcome) {
        return switch (outcome) {
            case FAILED -> 0;
            case CHANGED -> 1;
            case UNCHANGED -> 2;
        };
    }

    private static String line(SourceOutcome source) {
        return switch (source.outcome()) {
            case FAILED ->
                "❌ " + source.source() + " — failed: " + TextCutter.fit(Embeds.oneLine(source.reason()), 300);
            case CHANGED ->
                "🆕 " + source.source() + " — new version "
                        + (source.newVersion() == null ? "" : source.newVersion() + " ") + "(" + source.versions()
                        + " archived)";
            case UNCHANGED -> "✓ " + source.source() + " — unchanged (" + source.versions() + " archived)";
        };
    }

    private static MessageEditData content(String text) {
        return new MessageEditBuilder()
                .setContent(text)
                .setAllowedMentions(Embeds.NO_MENTIONS)
                .build();
    }
}
