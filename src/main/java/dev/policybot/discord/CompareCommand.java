package dev.policybot.discord;

import dev.policybot.discord.render.CompareRenderer;
import dev.policybot.discord.render.DiscordLimits;
import dev.policybot.discord.render.TextCutter;
import dev.policybot.domain.Comparison;
import dev.policybot.domain.PlatformGroup;
import dev.policybot.domain.Slugs;
import dev.policybot.domain.Topic;
import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.Comparer;
import dev.policybot.input.AsOfDates;
import dev.policybot.input.TopicNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * {@code /compare [topic] [question] [platforms] [group] [as_of]}: one topic or question answered per platform, an
 * embed per page with a field per platform. Topics, groups and platforms autocomplete; {@code platforms} takes several,
 * comma-separated, and completes the last one.
 */
public final class CompareCommand implements DiscordCommand {
    public static final String NAME = "compare";
    public static final String TOPIC = "topic";
    public static final String QUESTION = "question";
    public static final String PLATFORMS = "platforms";
    public static final String GROUP = "group";
    public static final String AS_OF = "as_of";

    private final Comparer comparer;
    private final PlatformChoices platforms;
    private final List<PlatformGroup> groups;
    private final RecentResults results;
    private final CompareRenderer renderer;

    public CompareCommand(
            Comparer comparer,
            PlatformChoices platforms,
            List<PlatformGroup> groups,
            RecentResults results,
            CompareRenderer renderer) {
        this.comparer = comparer;
        this.platforms = platforms;
        this.groups = List.copyOf(groups);
        this.results = results;
        this.renderer = renderer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CommandData data() {
        return Commands.slash(NAME, "Compare platforms on one topic or question, quoting each platform's own words")
                .addOptions(
                        new OptionData(OptionType.STRING, TOPIC, "The topic, e.g. ai-training", false, true),
                        new OptionData(
                                        OptionType.STRING,
                                        QUESTION,
                                        "Or a question, e.g. Do they train AI on my uploads?",
                                        false)
                                .setMaxLength(Answering.MAX_QUESTION),
                        new OptionData(
                                OptionType.STRING, PLATFORMS, "Platforms, comma-separated (default: all)", false, true),
                        new OptionData(OptionType.STRING, GROUP, "A group of platforms, e.g. music", false, true),
                        new OptionData(
                                        OptionType.STRING,
                                        AS_OF,
                                        "Compare the versions in force on this day (YYYY-MM-DD)",
                                        false)
                                .setRequiredLength(10, 10))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public boolean rateLimited() {
        return true;
    }

    @Override
    public void validate(Invocation invocation) {
        request(invocation);
    }

    @Override
    public MessageEditData run(Invocation invocation) {
        Comparison comparison = comparer.compare(request(invocation));
        CompareRenderer.Rendered rendered = renderer.comparison(comparison, invocation.key(), invocation.language());
        results.put(invocation.key(), new RecentResults.Shown(List.of(), rendered.rest(), NAME, false));
        return rendered.message();
    }

    private Comparison.Request request(Invocation invocation) {
        String question = invocation.option(QUESTION);
        if (question != null) {
            Answering.checkQuestion(question);
        }
        List<String> named = new ArrayList<>();
        String listed = invocation.option(PLATFORMS);
        if (listed != null) {
            Arrays.stream(listed.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(named::add);
        }
        String group = invocation.option(GROUP);
        if (group != null && groups.stream().noneMatch(g -> g.id().equals(Slugs.of(group)))) {
            throw UserFacingException.badInput("I don't know a group called \"" + TextCutter.fit(group, 60)
                    + "\". Groups: "
                    + String.join(", ", groups.stream().map(PlatformGroup::id).toList()) + ".");
        }
        return new Comparison.Request(
                topic(invocation.option(TOPIC)),
                question,
                named,
                group,
                AsOfDates.parse(AS_OF, invocation.option(AS_OF)),
                invocation.language());
    }

    private static Topic topic(String name) {
        Set<Topic> topics = TopicNames.parse(name);
        if (topics.size() > 1) {
            throw UserFacingException.badInput("\"" + name + "\" means several topics; pick one from the list.");
        }
        return topics.isEmpty() ? null : topics.iterator().next();
    }

    @Override
    public List<Command.Choice> autocomplete(String option, String typed, Map<String, String> filled) {
        return switch (option) {
            case TOPIC -> ChangesCommand.topics(typed);
            case GROUP -> groupChoices(typed, "");
            case PLATFORMS -> platformList(typed == null ? "" : typed);
            default -> List.of();
        };
    }

    /** Completes the last of the comma-separated platforms; groups count as platforms here too. */
    private List<Command.Choice> platformList(String typed) {
        int comma = typed.lastIndexOf(',');
        String before = comma < 0 ? "" : typed.substring(0, comma + 1).replaceAll("\\s+", "");
        String last = typed.substring(comma + 1).strip();
        List<Command.Choice> choices = new ArrayList<>();
        for (Command.Choice platform : platforms.platforms(last)) {
            choices.add(choice(before, platform.getName(), platform.getAsString()));
        }
        choices.addAll(groupChoices(last, before));
        return choices.stream().limit(DiscordLimits.CHOICES).toList();
    }

    private List<Command.Choice> groupChoices(String typed, String before) {
        String wanted = Slugs.of(typed == null ? "" : typed);
        return groups.stream()
                .filter(g -> g.id().contains(wanted))
                .map(g -> choice(before, g.id() + " (" + g.platformIds().size() + " platforms)", g.id()))
                .limit(DiscordLimits.CHOICES)
                .toList();
    }

    private static Command.Choice choice(String before, String name, String value) {
        String label = before.isEmpty() ? name : before + name;
        return new Command.Choice(
                TextCutter.fit(label, DiscordLimits.CHOICE_NAME),
                TextCutter.fit(before + value, DiscordLimits.CHOICE_NAME));
    }
}
