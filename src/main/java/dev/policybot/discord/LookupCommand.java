package dev.policybot.discord;

import dev.policybot.discord.render.DiscordLimits;
import dev.policybot.discord.render.Embeds;
import dev.policybot.discord.render.LookupRenderer;
import dev.policybot.discord.render.TextCutter;
import dev.policybot.domain.Citation;
import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.ClauseSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** {@code /lookup platform query [document]}: the matching clauses verbatim, best first, no generated text. */
public final class LookupCommand implements DiscordCommand {
    public static final String NAME = "lookup";
    public static final String PLATFORM = PlatformChoices.PLATFORM_OPTION;
    public static final String QUERY = "query";
    public static final String DOCUMENT = PlatformChoices.DOCUMENT_OPTION;
    static final int LIMIT = 5;

    private final ClauseSearch search;
    private final PlatformChoices platforms;
    private final RecentResults results;
    private final LookupRenderer renderer;

    public LookupCommand(
            ClauseSearch search, PlatformChoices platforms, RecentResults results, LookupRenderer renderer) {
        this.search = search;
        this.platforms = platforms;
        this.results = results;
        this.renderer = renderer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CommandData data() {
        return Commands.slash(NAME, "Find a platform's clauses about something, quoted verbatim")
                .addOptions(
                        new OptionData(OptionType.STRING, PLATFORM, "The platform", true, true),
                        new OptionData(OptionType.STRING, QUERY, "Words to look for, e.g. AI training", true)
                                .setMaxLength(200),
                        new OptionData(OptionType.STRING, DOCUMENT, "Only this document", false, true))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void validate(Invocation invocation) {
        query(invocation);
        platforms.requireKnown(invocation.option(PLATFORM));
    }

    @Override
    public MessageEditData run(Invocation invocation) {
        String platformId = platforms.requireKnown(invocation.option(PLATFORM));
        String document = invocation.option(DOCUMENT);
        SearchRequest request = new SearchRequest(
                query(invocation), Set.of(platformId), document == null ? null : Slugs.of(document), null, LIMIT);
        SearchResult result = search.search(request);
        List<Citation> numbered = new ArrayList<>();
        for (ScoredClause hit : result.hits()) {
            numbered.add(new Citation(numbered.size() + 1, hit.clause(), ""));
        }
        if (numbered.isEmpty()) {
            return new MessageEditBuilder()
                    .setAllowedMentions(Embeds.NO_MENTIONS)
                    .setContent(TextCutter.fit(
                            "No clause matches \"" + Embeds.oneLine(request.query())
                                    + "\". Try other words, or /ask a question.",
                            DiscordLimits.CONTENT))
                    .build();
        }
        results.put(invocation.key(), new RecentResults.Shown(numbered, "", "lookup", false));
        return renderer.render(numbered, invocation.key());
    }

    @Override
    public List<Command.Choice> autocomplete(String option, String typed, Map<String, String> filled) {
        return platforms.platformOrDocument(option, typed, filled);
    }

    private static String query(Invocation invocation) {
        String query = invocation.option(QUERY);
        if (query == null) {
            throw UserFacingException.badInput("Please type what to look for, e.g. \"AI training\".");
        }
        return query;
    }
}
