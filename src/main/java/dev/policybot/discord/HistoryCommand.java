package dev.policybot.discord;

import dev.policybot.discord.render.ChangesRenderer;
import dev.policybot.domain.change.ChangeHistory;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** {@code /history platform [document]}: every archived version, newest first, with what changed in each. */
public final class HistoryCommand implements DiscordCommand {
    public static final String NAME = "history";
    public static final String PLATFORM = PlatformChoices.PLATFORM_OPTION;
    public static final String DOCUMENT = PlatformChoices.DOCUMENT_OPTION;

    private final ChangeHistory history;
    private final PlatformChoices platforms;
    private final RecentResults results;
    private final ChangesRenderer renderer;

    public HistoryCommand(
            ChangeHistory history, PlatformChoices platforms, RecentResults results, ChangesRenderer renderer) {
        this.history = history;
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
        return Commands.slash(NAME, "Every archived version of a platform's policies, with what changed")
                .addOptions(
                        new OptionData(OptionType.STRING, PLATFORM, "The platform", true, true),
                        new OptionData(OptionType.STRING, DOCUMENT, "Only this document", false, true))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void validate(Invocation invocation) {
        platforms.requireKnown(invocation.option(PLATFORM));
    }

    @Override
    public MessageEditData run(Invocation invocation) {
        String platformId = platforms.requireKnown(invocation.option(PLATFORM));
        ChangesRenderer.Rendered rendered = renderer.history(
                history.history(platformId, invocation.option(DOCUMENT)),
                invocation.key(),
                ReplyLanguage.forCode(invocation.language()));
        results.put(invocation.key(), new RecentResults.Shown(List.of(), rendered.rest(), NAME, false));
        return rendered.message();
    }

    @Override
    public List<Command.Choice> autocomplete(String option, String typed, Map<String, String> filled) {
        return platforms.platformOrDocument(option, typed, filled);
    }
}
