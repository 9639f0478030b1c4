package dev.policybot.discord.render;

import dev.policybot.discord.ResultButtons;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Clause;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Shows one clause in full, verbatim, with where it comes from; long clauses take several messages. The first page
 * stays under 6,000 characters: text 3,996 + title 256 + section 500 + id 202 + version and footer.
 */
public final class ClauseRenderer {

    public List<MessageCreateData> render(Clause clause, int number) {
        List<String> pages = TextCutter.chunks(clause.text(), DiscordLimits.EMBED_DESCRIPTION - 100);
        List<MessageCreateData> messages = new ArrayList<>();
        for (int i = 0; i < Math.min(pages.size(), ResultButtons.MAX_PAGES); i++) {
            EmbedBuilder embed =
                    new EmbedBuilder().setColor(Embeds.CLAUSE_COLOR).setDescription(pages.get(i));
            if (i == 0) {
                describe(embed, clause, number);
            }
            messages.add(new MessageCreateBuilder()
                    .setEmbeds(embed.build())
                    .setAllowedMentions(Embeds.NO_MENTIONS)
                    .build());
        }
        return messages;
    }

    private static void describe(EmbedBuilder embed, Clause clause, int number) {
        String title = "[" + number + "] " + Embeds.documentLabel(clause);
        embed.setTitle(TextCutter.fit(title, DiscordLimits.EMBED_TITLE), Embeds.linkTo(clause));
        String path = clause.headingPath().isEmpty() ? clause.section() : String.join(" › ", clause.headingPath());
        embed.addField("Section", TextCutter.fit(path, 500), false);
        embed.addField("Version", validity(clause), true);
        embed.addField("Clause id", "`" + TextCutter.fit(clause.id(), 200) + "`", true);
        embed.setFooter(Answer.DISCLAIMER);
    }

    private static String validity(Clause clause) {
        return clause.isCurrent()
                ? clause.validFrom() + " (current)"
                : clause.validFrom() + " until " + clause.validTo();
    }
}
