package dev.policybot.discord;

import dev.policybot.discord.render.AnswerRenderer;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Question;
import dev.policybot.domain.port.Asker;
import dev.policybot.input.Questions;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks the core, remembers what was shown for the buttons, and renders the reply: shared by /ask and "Ask PolicyBot". */
public final class Answering {
    private static final Logger LOG = LoggerFactory.getLogger(Answering.class);
    static final int MAX_QUESTION = Questions.MAX_CHARACTERS;

    private final Asker asker;
    private final RecentResults results;
    private final AnswerRenderer renderer;

    public Answering(Asker asker, RecentResults results, AnswerRenderer renderer) {
        this.asker = asker;
        this.results = results;
        this.renderer = renderer;
    }

    /** Rejects what cannot be a question before the reply is deferred. */
    static String checkQuestion(String text) {
        return Questions.check(text);
    }

    public MessageEditData answer(Question question, String key) {
        long started = System.nanoTime();
        LOG.debug("Question {}: {}", key, question.text());
        Answer answer = asker.ask(question);
        AnswerRenderer.Rendered rendered =
                renderer.render(answer, question.text(), key, ReplyLanguage.of(question, answer));
        results.put(
                key,
                new RecentResults.Shown(
                        rendered.shown(), rendered.rest(), answer.mode(), answer.abstained(), answer.history()));
        LOG.info(
                "Answered question {} in {} ms: mode {}, {} citations, abstained {}",
                key,
                (System.nanoTime() - started) / 1_000_000,
                answer.mode(),
                answer.citations().size(),
                answer.abstained());
        return rendered.message();
    }
}
