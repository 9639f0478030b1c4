package dev.policybot.answer;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Clause;
import dev.policybot.domain.Question;
import dev.policybot.text.Languages;
import java.util.List;

/**
 * The words around the quotes of an extractive answer, in the language the asker reads: the lead that says which
 * document and version is quoted, a line saying the quotes are the platform's original text when that is another
 * language, and the sentence of an abstention. The quotes themselves are never translated.
 */
public interface AnswerFraming {
    AnswerFraming ENGLISH = new EnglishFraming();
    AnswerFraming GERMAN = new GermanFraming();

    /** The framing for a language code; English for languages without one. */
    static AnswerFraming forLanguage(String language) {
        return "de".equals(language) ? GERMAN : ENGLISH;
    }

    /**
     * The reply language for a question: German when it is asked in German or the asker's language is German,
     * else English.
     */
    static AnswerFraming of(Question question, String detectedLanguage) {
        if ("de".equals(detectedLanguage)) {
            return GERMAN;
        }
        return forLanguage(question.language());
    }

    /** The language code of this framing. */
    String language();

    /** "SoundCloud's Terms of Service (version 2026-08-17) say:". */
    String lead(Clause clause);

    /** A line after the quotes saying what they are (e.g. the platform's English original), or {@code null}. */
    String originalLine(List<Citation> citations);

    /** The text of an abstention: the platforms' documents do not address the question; what was searched. */
    String notAddressed(List<String> platforms, List<String> searched);

    /** The one line before closest passages: PolicyBot is not sure they answer the question. */
    String notSure();

    /** Whether {@code answer} was written in this framing (so no note about its language is needed). */
    boolean framed(Answer answer);

    /** The framing the extractive answer always had. */
    final class EnglishFraming implements AnswerFraming {
        private EnglishFraming() {}

        @Override
        public String language() {
            return Languages.ENGLISH;
        }

        @Override
        public String lead(Clause clause) {
            return ExtractiveAnswerWriter.lead(clause);
        }

        @Override
        public String originalLine(List<Citation> citations) {
            return null;
        }

        @Override
        public String notAddressed(List<String> platforms, List<String> searched) {
            return Searched.owners(platforms) + " indexed documents don't address this. "
                    + (searched.isEmpty()
                            ? "No documents were indexed to search."
                            : "Searched: " + Searched.list(searched) + ".");
        }

        @Override
        public String notSure() {
            return "PolicyBot is not sure these passages answer the question; they are the closest it found.";
        }

        @Override
        public boolean framed(Answer answer) {
            return !GERMAN.framed(answer);
        }
    }
}
