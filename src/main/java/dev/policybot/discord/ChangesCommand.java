package dev.policybot.discord;

import dev.policybot.discord.render.ChangesRenderer;
import dev.policybot.domain.Topic;
import dev.policybot.domain.change.ChangeHistory;
import dev.policybot.domain.change.ChangeQuery;
import dev.policybot.input.AsOfDates;
import dev.policybot.input.TopicNames;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** {@code /changes platform [document] [from] [to] [topic]}: what changed between two versions, clause by clause. */
public final class ChangesCommand implements DiscordCommand {
    public static final String NAME = "changes";
    public static final String PLATFORM = PlatformChoices.PLATFORM_OPTION;
    public static final String DOCUMENT = PlatformChoices.DOCUMENT_OPTION;
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String TOPIC = "topic";

    private final ChangeHistory history;
    private final PlatformChoices platforms;
    private final RecentResults results;
    private final ChangesRenderer renderer;

    public ChangesCommand(
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
        return Commands.slash(NAME, "What changed in a platform's policies, clause by clause")
                .addOptions(
                        new OptionData(OptionType.STRING, PLATFORM, "The platform", true, true),
                        new OptionData(OptionType.STRING, DOCUMENT, "Only this document", false, true),
                        new OptionData(
                                OptionType.STRING, FROM, "From the version in force on this day (YYYY-MM-DD)", false),
                        new OptionData(
                                OptionType.STRING, TO, "To the version in force on this day (YYYY-MM-DD)", false),
                        new OptionData(
                                OptionType.STRING, TOPIC, "Only changes on this topic, e.g. ai-training", false, true))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void validate(Invocation invocation) {
        query(invocation);
    }

    @Override
    public MessageEditData run(Invocation invocation) {
        ChangesRenderer.Rendered rendered = renderer.changes(
                history.changes(query(invocation)), invocation.key(), ReplyLanguage.forCode(invocation.language()));
        results.put(invocation.key(), new RecentResults.Shown(List.of(), rendered.rest(), NAME, false));
        return rendered.message();
    }

    private ChangeQuery query(Invocation invocation) {
        String platformId = platforms.requireKnown(invocation.option(PLATFORM));
        return new ChangeQuery(
                platformId,
                invocation.option(DOCUMENT),
                AsOfDates.parse(FROM, invocation.option(FROM)),
                AsOfDates.parse(TO, invocation.option(TO)),
                TopicNames.parse(invocation.option(TOPIC)));
    }

    @Override
    public List<Command.Choice> autocomplete(String option, String typed, Map<String, String> filled) {
        return TOPIC.equals(option) ? topics(typed) : platforms.platformOrDocument(option, typed, filled);
    }

    /** Topic ids that start with (or contain) what was typed. */
    static List<Command.Choice> topics(String typed) {
        String wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(Topic.values())
                .filter(t -> t.id().contains(wanted))
                .limit(25)
                .map(t -> new Command.Choice(t.id(), t.id()))
                .toList();
    }
}
