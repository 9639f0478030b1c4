package dev.policybot.compare;

import dev.policybot.answer.AnswerFraming;
import dev.policybot.answer.ExtractiveAnswerWriter;
import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Comparison;
import dev.policybot.domain.Outcome;
import dev.policybot.domain.PlatformInfo;
import dev.policybot.domain.Question;
import dev.policybot.domain.port.Asker;
import dev.policybot.text.Languages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a question that asks across platforms ({@link CrossPlatformQuestions}) per platform, through the same
 * extractive path as {@code compare}, and quotes the best clause of each platform that addresses it, citing several
 * platforms instead of the first few hits of the whole index. Any other question goes to the wrapped asker.
 */
public final class CrossPlatformAsker implements Asker {
    /** At most this many platforms are quoted; the others that address the question are counted. */
    static final int MAX_QUOTED = 6;
    /** At most this many silent platforms are named. */
    static final int MAX_LISTED = 10;

    private final Asker single;
    private final CrossPlatformQuestions questions;
    private final CompareService compare;

    /**
     * @param single   answers every question that is not cross-platform
     * @param compare  answers per platform
     */
    public CrossPlatformAsker(Asker single, CrossPlatformQuestions questions, CompareService compare) {
        this.single = single;
        this.questions = questions;
        this.compare = compare;
    }

    @Override
    public Answer ask(Question question) {
        if (question.platformId() != null && !question.platformId().isBlank()) {
            return single.ask(question);
        }
        Optional<List<PlatformInfo>> platforms = questions.platformsOf(question.text());
        if (platforms.isEmpty() || platforms.get().isEmpty()) {
            return single.ask(question);
        }
        List<Comparison.Row> rows =
                compare.rows(question.text(), platforms.get(), question.asOf(), question.language(), Set.of());
        return answer(question, platforms.get(), rows);
    }

    private static Answer answer(Question question, List<PlatformInfo> platforms, List<Comparison.Row> rows) {
        boolean german = "de".equals(Languages.detect(question.text())) || "de".equals(question.language());
        AnswerFraming framing = german ? AnswerFraming.GERMAN : AnswerFraming.ENGLISH;
        List<Comparison.Row> addressed = rows.stream()
                .filter(row -> row.outcome() != Outcome.NOT_ADDRESSED)
                .sorted(Comparator.comparing((Comparison.Row row) -> row.outcome() != Outcome.ANSWERED)
                        .thenComparing(row -> -row.relevance()))
                .toList();
        List<String> names = platforms.stream().map(PlatformInfo::name).toList();
        List<String> searched = new ArrayList<>();
        rows.forEach(row -> searched.addAll(row.searched()));
        if (addressed.isEmpty()) {
            return new Answer(
                            framing.notAddressed(names, searched),
                            List.of(),
                            true,
                            ExtractiveAnswerWriter.MODE,
                            names,
                            searched,
                            null,
                            rows.stream()
                                    .mapToDouble(Comparison.Row::relevance)
                                    .max()
                                    .orElse(Double.NaN),
                            Outcome.NOT_ADDRESSED,
                            framing.language())
                    .withNote(perPlatformNote(german, platforms.size()));
        }
        List<Comparison.Row> quoted = addressed.subList(0, Math.min(MAX_QUOTED, addressed.size()));
        List<Citation> citations = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Comparison.Row row : quoted) {
            Citation best = row.citations().get(0);
            Citation renumbered = new Citation(citations.size() + 1, best.clause(), best.quote());
            citations.add(renumbered);
            text.append(row.outcome() == Outcome.ANSWERED ? "" : german ? "(unsicher) " : "(not sure) ")
                    .append(framing.lead(best.clause()))
                    .append(" “")
                    .append(best.quote())
                    .append("” [")
                    .append(renumbered.n())
                    .append("]\n");
        }
        text.append(silentLine(german, rows, addressed.size() - quoted.size()));
        boolean anyAnswered = quoted.get(0).outcome() == Outcome.ANSWERED;
        return new Answer(
                        text.toString().strip(),
                        citations,
                        false,
                        ExtractiveAnswerWriter.MODE,
                        names,
                        searched,
                        null,
                        quoted.get(0).relevance(),
                        anyAnswered ? Outcome.ANSWERED : Outcome.CLOSEST_PASSAGES,
                        framing.language())
                .withNote(perPlatformNote(german, platforms.size()));
    }

    /** "Not addressed in the indexed documents of: Spotify, Bandcamp." and how many more address it. */
    private static String silentLine(boolean german, List<Comparison.Row> rows, int moreAddressing) {
        Set<String> silent = new LinkedHashSet<>();
        rows.stream().filter(row -> row.outcome() == Outcome.NOT_ADDRESSED).forEach(row -> silent.add(row.platform()));
        StringBuilder line = new StringBuilder();
        if (moreAddressing > 0) {
            line.append(
                    german
                            ? moreAddressing + " weitere Plattformen behandeln es ebenfalls (/compare zeigt alle). "
                            : moreAddressing + " more platform(s) address it too (compare lists every one). ");
        }
        if (!silent.isEmpty()) {
            line.append(
                            german
                                    ? "Nicht behandelt in den indexierten Dokumenten von: "
                                    : "Not addressed in the " + "indexed documents of: ")
                    .append(listed(german, List.copyOf(silent)))
                    .append('.');
        }
        return line.toString();
    }

    private static String listed(boolean german, List<String> names) {
        if (names.size() <= MAX_LISTED) {
            return String.join(", ", names);
        }
        int more = names.size() - MAX_LISTED;
        return String.join(", ", names.subList(0, MAX_LISTED))
                + (german ? " und " + more + " weiteren" : " and " + more + " more");
    }

    private static String perPlatformNote(boolean german, int platforms) {
        return german
                ? "Plattformübergreifende Frage: jede der " + platforms + " Plattformen wurde einzeln durchsucht."
                : "A question across platforms: each of the " + platforms + " platforms was searched on its own.";
    }
}
