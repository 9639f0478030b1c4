package dev.policybot.discord;

import dev.policybot.domain.Question;
import dev.policybot.input.AsOfDates;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** {@code /ask question [platform] [as_of]}: an answer from the platforms' own words, with citations. */
public final class AskCommand implements DiscordCommand {
    public static final String NAME = "ask";
    public static final String QUESTION = "question";
    public static final String PLATFORM = "platform";
    public static final String AS_OF = "as_of";

    private final Answering answering;
    private final PlatformChoices platforms;

    public AskCommand(Answering answering, PlatformChoices platforms) {
        this.answering = answering;
        this.platforms = platforms;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CommandData data() {
        return Commands.slash(NAME, "Ask what a platform's policies say; answered with quotes and citations")
                .addOptions(
                        new OptionData(
                                        OptionType.STRING,
                                        QUESTION,
                                        "Your question, e.g. Can SoundCloud train AI on my tracks?",
                                        true)
                                .setMaxLength(Answering.MAX_QUESTION),
                        new OptionData(
                                OptionType.STRING, PLATFORM, "Only search this platform's documents", false, true),
                        new OptionData(
                                        OptionType.STRING,
                                        AS_OF,
                                        "Answer from the versions in force on this day (YYYY-MM-DD)",
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
        Answering.checkQuestion(invocation.option(QUESTION));
        asOf(invocation.option(AS_OF));
        platforms.requireKnown(invocation.option(PLATFORM));
    }

    @Override
    public MessageEditData run(Invocation invocation) {
        String text = Answering.checkQuestion(invocation.option(QUESTION));
        String platformId = platforms.requireKnown(invocation.option(PLATFORM));
        Question question = new Question(text, platformId, asOf(invocation.option(AS_OF)), invocation.language());
        return answering.answer(question, invocation.key());
    }

    @Override
    public List<Command.Choice> autocomplete(String option, String typed, Map<String, String> filled) {
        return PLATFORM.equals(option) ? platforms.platforms(typed) : List.of();
    }

    /** The as_of date, or {@code null}; Discord has no date option, so it is typed as text. */
    static LocalDate asOf(String value) {
        return AsOfDates.parse(AS_OF, value);
    }
}
