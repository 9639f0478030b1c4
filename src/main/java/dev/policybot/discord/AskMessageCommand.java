package dev.policybot.discord;

import dev.policybot.discord.render.TextCutter;
import dev.policybot.domain.Question;
import dev.policybot.domain.UserFacingException;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** The message context-menu command "Ask PolicyBot": asks about the selected message's text. */
public final class AskMessageCommand implements DiscordCommand {
    public static final String NAME = "Ask PolicyBot";

    private final Answering answering;

    public AskMessageCommand(Answering answering) {
        this.answering = answering;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CommandData data() {
        return Commands.message(NAME).setContexts(InteractionContextType.GUILD);
    }

    @Override
    public boolean rateLimited() {
        return true;
    }

    @Override
    public void validate(Invocation invocation) {
        question(invocation);
    }

    @Override
    public MessageEditData run(Invocation invocation) {
        return answering.answer(
                new Question(question(invocation), null, null, invocation.language()), invocation.key());
    }

    private static String question(Invocation invocation) {
        String text = invocation.targetText();
        if (text == null || text.isBlank()) {
            throw UserFacingException.badInput("That message has no text I could ask about.");
        }
        // someone else wrote the message, so a long one is shortened rather than refused
        return Answering.checkQuestion(TextCutter.fit(text, Answering.MAX_QUESTION));
    }
}
