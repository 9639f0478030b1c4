package dev.policybot.discord.render;

import dev.policybot.discord.ResultButtons;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Clause;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Shows found clauses verbatim, one embed each, best first. Their texts share the 6,000 characters of one message;
 * a cut text ends in "…" and its "Show clause n" button shows it whole.
 */
public final class LookupRenderer {
    private static final int MAX_TITLE = 200;
    private static final int MAX_FOOTER = 200;

    public MessageEditData render(List<Citation> clauses, String key) {
        List<Citation> shown = clauses.subList(0, Math.min(clauses.size(), DiscordLimits.EMBEDS));
        int perClause = Math.min(
                DiscordLimits.EMBED_DESCRIPTION, DiscordLimits.EMBEDS_TOTAL / shown.size() - MAX_TITLE - MAX_FOOTER);
        List<MessageEmbed> embeds = new ArrayList<>();
        List<Button> buttons = new ArrayList<>();
        for (Citation citation : shown) {
            embeds.add(embed(citation, perClause));
            if (buttons.size() < DiscordLimits.BUTTONS_PER_ROW * DiscordLimits.ROWS) {
                buttons.add(ResultButtons.showClause(key, citation.n()));
            }
        }
        return new MessageEditBuilder()
                .setEmbeds(embeds)
                .setComponents(ActionRow.partitionOf(buttons))
                .setAllowedMentions(Embeds.NO_MENTIONS)
                .build();
    }

    private static MessageEmbed embed(Citation citation, int maxText) {
        Clause clause = citation.clause();
        String title = "[" + citation.n() + "] " + Embeds.documentLabel(clause) + " · " + clause.section();
        String footer =
                "version " + clause.version() + (clause.isCurrent() ? " (current)" : "") + " · " + Answer.DISCLAIMER;
        return new EmbedBuilder()
                .setColor(Embeds.CLAUSE_COLOR)
                .setTitle(TextCutter.fit(title, MAX_TITLE), Embeds.linkTo(clause))
                .setDescription(TextCutter.fit(clause.text(), maxText))
                .setFooter(TextCutter.fit(footer, MAX_FOOTER))
                .build();
    }
}
