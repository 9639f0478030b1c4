package dev.policybot.discord;

import dev.policybot.discord.render.SourcesRenderer;
import dev.policybot.domain.SourceStatus;
import dev.policybot.domain.port.SourceCatalog;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * {@code /sources [platform]}: what is indexed, with current version dates, last checks and last errors, and how
 * the last reindex or scheduled check ended: in public
 * a short reason without local paths, addresses or URL secrets; to a moderator the whole reason, ephemerally.
 */
public final class SourcesCommand implements DiscordCommand {
    public static final String NAME = "sources";
    public static final String PLATFORM = "platform";

    private final SourceCatalog catalog;
    private final PlatformChoices platforms;
    private final SourcesRenderer renderer;

    public SourcesCommand(SourceCatalog catalog, PlatformChoices platforms, SourcesRenderer renderer) {
        this.catalog = catalog;
        this.platforms = platforms;
        this.renderer = renderer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CommandData data() {
        return Commands.slash(NAME, "List the policy documents PolicyBot knows and how current they are")
                .addOptions(new OptionData(OptionType.STRING, PLATFORM, "Only this platform", false, true))
                .setContexts(InteractionContextType.GUILD);
    }

    /** A moderator's reply has the failure details (paths, addresses), so only they see it. */
    @Override
    public boolean ephemeral(Invocation invocation) {
        return invocation.moderator();
    }

    @Override
    public void validate(Invocation invocation) {
        platforms.requireKnown(invocation.option(PLATFORM));
    }

    @Override
    public MessageEditData run(Invocation invocation) {
        String platformId = platforms.requireKnown(invocation.option(PLATFORM));
        List<SourceStatus> sources = catalog.sources().stream()
                .filter(s -> platformId == null || platformId.equals(s.platformId()))
                .toList();
        return invocation.moderator()
                ? renderer.renderForModerators(sources, platformId != null, catalog.lastReindex())
                : renderer.render(sources, platformId != null, catalog.lastReindex());
    }

    @Override
    public List<Command.Choice> autocomplete(String option, String typed, Map<String, String> filled) {
        return PLATFORM.equals(option) ? platforms.platforms(typed) : List.of();
    }
}
