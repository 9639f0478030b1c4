package dev.policybot.tune;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policybot.app.ProductWiring;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Question;
import dev.policybot.domain.port.Asker;
import dev.policybot.eval.EvalQuestion;
import dev.policybot.eval.QuestionSetReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: prints every answer's history line over a question set ({@code -Dquestions=FILE}), to read and judge.
 * Runs over the product index and archive in {@code index/}. Tagged {@code tuning}.
 */
@Tag("tuning")
class HistoryLines {

    @Test
    void print() {
        Path questions = Path.of(System.getProperty("questions", "../shared/eval/corpus-dev/questions.jsonl"));
        Path index = Path.of(System.getProperty("policybot.index", "index"));
        assumeTrue(
                Files.isRegularFile(questions) && Files.isRegularFile(index.resolve("lucene/CURRENT")),
                "needs ../shared and a built index");
        ProductWiring wiring = new ProductWiring(Path.of("config"), index);
        Asker asker = wiring.asker();
        int withLine = 0;
        int total = 0;
        for (EvalQuestion q : QuestionSetReader.read(questions)) {
            Answer answer = asker.ask(new Question(q.question(), null, q.asOf()));
            total++;
            if (!answer.history().isEmpty()) {
                withLine++;
                System.out.println(q.id() + " [" + q.category() + "] " + q.question());
                System.out.println(
                        "    cites " + answer.citations().get(0).clause().documentKey() + " "
                                + answer.citations().get(0).clause().version());
                System.out.println("    " + answer.history().get(0).line());
            }
        }
        System.out.println(withLine + " of " + total + " answers carry a history line");
    }
}
