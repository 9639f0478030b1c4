package dev.policybot.eval;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Question;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.port.AnswerWriter;
import java.util.function.ToIntFunction;

/**
 * Sits between the product's asker and a model's answer writer and keeps what the writer drafted for the last question,
 * before verification, so that {@code eval} can tell how many of the model's citations verification let through. For
 * one asking thread, as {@code eval} asks.
 */
public final class DraftRecorder implements AnswerWriter {
    /** The mode prefix of an answer a language model wrote ({@code llm:<provider>}). */
    public static final String MODEL_MODE = "llm:";

    private final AnswerWriter writer;
    private final ToIntFunction<String> citationsIn;
    private Draft last;

    /**
     * What the writer drafted for one question.
     *
     * @param mode      the draft's mode: {@code llm:<provider>}, or {@code extractive} when the writer fell back before
     *                  verification (no usable reply)
     * @param citations how many distinct clauses the model's draft cites ({@code [n]} markers, valid or not); 0 when
     *                  the writer fell back before verification
     * @param note      the draft's note (why it fell back), or {@code null}
     */
    public record Draft(String mode, int citations, String note) {
        /** Whether the model wrote it (rather than the writer falling back to the extractive answer). */
        public boolean byModel() {
            return mode != null && mode.startsWith(MODEL_MODE);
        }
    }

    /**
     * @param writer      the model's answer writer
     * @param citationsIn how many distinct citation numbers an answer text uses (the product's marker rule)
     */
    public DraftRecorder(AnswerWriter writer, ToIntFunction<String> citationsIn) {
        this.writer = writer;
        this.citationsIn = citationsIn;
    }

    @Override
    public Answer write(Question question, SearchResult evidence) {
        Answer draft = writer.write(question, evidence);
        boolean byModel = draft.mode() != null && draft.mode().startsWith(MODEL_MODE);
        int citations = byModel && !draft.abstained() ? citationsIn.applyAsInt(draft.text()) : 0;
        last = new Draft(draft.mode(), citations, draft.note());
        return draft;
    }

    /** The draft of the last question asked, forgotten once taken; {@code null} when nothing was drafted since. */
    public Draft take() {
        Draft draft = last;
        last = null;
        return draft;
    }
}
