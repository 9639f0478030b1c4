package dev.policybot.discord;

import dev.policybot.discord.render.ReindexRenderer;
import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.Reindexer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /reindex [platform]}, moderators only: fetches the sources and rebuilds the index, showing progress by
 * editing the reply and ending with the report. One at a time; a second one is told that one is running.
 */
public final class ReindexCommand implements DiscordCommand {
    public static final String NAME = "reindex";
    public static final String PLATFORM = "platform";
    /** The permission Discord requires by default to see the command (moderators can widen it per server). */
    public static final Permission REQUIRED_PERMISSION = Permission.MANAGE_SERVER;

    private static final Logger LOG = LoggerFactory.getLogger(ReindexCommand.class);

    private final Reindexer reindexer;
    private final PlatformChoices platforms;
    private final ReindexRenderer renderer;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    public ReindexCommand(Reindexer reindexer, PlatformChoices platforms, ReindexRenderer renderer, Clock clock) {
        this.reindexer = reindexer;
        this.platforms = platforms;
        this.renderer = renderer;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CommandData data() {
        return Commands.slash(NAME, "Moderators: fetch the policy sources again and rebuild the index")
                .addOptions(new OptionData(OptionType.STRING, PLATFORM, "Only this platform's sources", false, true))
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(REQUIRED_PERMISSION))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public boolean moderatorOnly() {
        return true;
    }

    @Override
    public boolean ephemeral() {
        return true;
    }

    @Override
    public MessageEditData run(Invocation invocation) {
        String platform = platform(invocation.option(PLATFORM));
        if (!running.compareAndSet(false, true)) {
            throw UserFacingException.badInput("A reindex is already running; its report will follow when it ends.");
        }
        try {
            LOG.info("Reindex of {} started from Discord", platform == null ? "all sources" : platform);
            LOG.debug("Reindex started by user {}", invocation.userId());
            invocation.progress().accept(renderer.started(platform));
            ProgressThrottle progress = new ProgressThrottle(clock, renderer, invocation.progress());
            ReindexReport report = reindexer.reindex(platform, progress);
            LOG.info(
                    "Reindex finished: {} changed, {} unchanged, {} failed, {} clauses",
                    report.count(ReindexReport.Outcome.CHANGED),
                    report.count(ReindexReport.Outcome.UNCHANGED),
                    report.count(ReindexReport.Outcome.FAILED),
                    report.clauses());
            return renderer.report(report);
        } finally {
            running.set(false);
        }
    }

    @Override
    public List<Command.Choice> autocomplete(String option, String typed, Map<String, String> filled) {
        return PLATFORM.equals(option) ? platforms.platforms(typed) : List.of();
    }

    /** A known platform's id; an unknown name is passed on as a slug, since a new source is not indexed yet. */
    private String platform(String value) {
        if (value == null) {
            return null;
        }
        return platforms.find(value).map(PlatformInfo::id).orElse(Slugs.of(value));
    }
}
