package dev.policybot.answer;

import dev.policybot.domain.Answer;
import dev.policybot.domain.Citation;
import dev.policybot.domain.Clause;
import dev.policybot.domain.Question;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.change.HistoryNote;
import dev.policybot.domain.port.AnswerWriter;
import dev.policybot.text.Languages;
import dev.policybot.text.Sentences;
import dev.policybot.text.Words;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every answer before a person sees it, whatever wrote it:
 * <ul>
 * <li>a citation must name a clause that was retrieved, and its quote must be verbatim from that clause;</li>
 * <li>a marker {@code [n]} must name such a citation: other markers are removed, and a sentence whose markers were
 *     all invalid is removed with them (its claim has no support);</li>
 * <li>a quotation of three or more words in the text must occur, normalised, in the clause it cites;</li>
 * <li>an answer with a fabricated quotation or without any valid citation is replaced by the extractive answer, with
 *     a one-line note that the model's answer could not be verified.</li>
 * </ul>
 * Surviving citations are renumbered in reading order, so the user sees [1], [2], … without gaps.
 */
public final class CitationVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(CitationVerifier.class);

    public static final String UNVERIFIED_NOTE =
            "The language model's answer could not be verified against the documents, so this answer quotes them directly.";

    private static final List<Pattern> QUOTATIONS = List.of(
            Pattern.compile("\"([^\"]+)\""),
            Pattern.compile("\u201c([^\u201c\u201d]+)\u201d"),
            Pattern.compile("\u201e([^\u201c\u201d\u201e]+)[\u201c\u201d]"),
            Pattern.compile("\u00ab([^\u00bb]+)\u00bb"),
            // single quotes, typographic and plain; an apostrophe (Zoom’s, don't) has a letter on both sides
            Pattern.compile("\u2018([^\u2018]+?)\u2019(?![\\p{L}\\p{N}])"),
            Pattern.compile("(?<![\\p{L}\\p{N}])'([^'\\n]+?)'(?![\\p{L}\\p{N}])"),
            // a Markdown blockquote line, up to its citation markers
            Pattern.compile("(?m)^[ \\t]*>[ \\t]?([^\\n\\[]+)"));
    /** A Markdown masked link, which a model's answer must not make clickable: the text may lie about the target. */
    private static final Pattern MASKED_LINK = Pattern.compile("\\[([^\\]\\n]*)\\]\\(([^)\\n]*)\\)");
    /** A first sentence this short, without a citation, may lead the answer ("Short answer: no."). */
    private static final int MAX_LEAD_WORDS = 12;
    /** An uncited sentence that is the reminder that this is not legal advice stays. */
    private static final Pattern LEGAL_REMINDER = Pattern.compile("(?i)legal advice|Rechtsberatung");

    private static final int MIN_JUDGED_CLAIM_TERMS = 4;
    private static final double MIN_CLAIM_OVERLAP = 0.2;
    /** Fewest words a piece of an elided quotation must have to prove anything. */
    private static final int MIN_ELIDED_PIECE_WORDS = 3;

    private static final Pattern QUOTE_BREAK =
            Pattern.compile("\u2026|\\.\\.\\.|\\[\\.\\.\\.]|[\"\u201c\u201d\u201e\u00ab\u00bb]");
    private static final int MIN_CHECKED_QUOTATION_WORDS = 3;

    private final AnswerWriter fallback;

    /** @param fallback writes the answer that replaces an unverifiable one (the extractive writer) */
    public CitationVerifier(AnswerWriter fallback) {
        this.fallback = fallback;
    }

    public Answer verify(Question question, SearchResult evidence, Answer draft) {
        if (draft.abstained()) {
            return draft;
        }
        Map<Integer, Citation> valid = validCitations(draft, evidence);
        if (ExtractiveAnswerWriter.MODE.equals(draft.mode())) {
            return verifiedExtractive(draft, evidence, valid);
        }
        Rewrite rewrite = rewrite(draft.text(), valid);
        if (rewrite.fabricatedQuotation) {
            LOG.info("answer from {} replaced: a quotation does not occur in the clause it cites", draft.mode());
            return replaced(question, evidence);
        }
        if (rewrite.order.isEmpty()) {
            LOG.info("answer from {} replaced: no valid citation", draft.mode());
            return replaced(question, evidence);
        }
        List<Citation> citations = new ArrayList<>();
        for (int i = 0; i < rewrite.order.size(); i++) {
            Citation original = valid.get(rewrite.order.get(i));
            citations.add(new Citation(i + 1, original.clause(), original.quote()));
        }
        String note = rewrite.removed == 0 ? draft.note() : join(draft.note(), removedNote(rewrite.removed));
        if (rewrite.unsupported > 0) {
            note = join(note, unsupportedNote(rewrite.unsupported));
            LOG.info(
                    "answer from {}: removed {} sentence(s) no cited clause supports",
                    draft.mode(),
                    rewrite.unsupported);
        }
        if (rewrite.removed > 0) {
            LOG.info("answer from {}: removed {} invalid citation(s)", draft.mode(), rewrite.removed);
        }
        return new Answer(
                        rewrite.text,
                        citations,
                        false,
                        draft.mode(),
                        draft.platforms(),
                        draft.searched(),
                        note,
                        draft.relevance(),
                        draft.outcome(),
                        draft.language())
                .withHistory(renumbered(draft.history(), citations));
    }

    /**
     * The history lines, their citations numbered as the answer's own when they name the same clause, else after them;
     * a line whose earlier quote is not verbatim from its clause is dropped.
     */
    private static List<HistoryNote> renumbered(List<HistoryNote> notes, List<Citation> citations) {
        List<HistoryNote> kept = new ArrayList<>();
        for (HistoryNote note : notes) {
            if (!verbatim(note.before())) {
                LOG.info("history line dropped: its earlier quote does not occur in the clause it cites");
                continue;
            }
            int next = citations.size() + 1;
            Citation before = numberedAs(note.before(), citations, next);
            Citation after = note.after() == null || !verbatim(note.after())
                    ? null
                    : numberedAs(note.after(), citations, before.n() == next ? next + 1 : next);
            kept.add(new HistoryNote(
                    note.changed(), note.statedDateChanged(), before, note.beforeSince(), after, note.later()));
        }
        return kept;
    }

    private static Citation numberedAs(Citation citation, List<Citation> citations, int otherwise) {
        int n = citations.stream()
                .filter(c -> c.clause().versionKey().equals(citation.clause().versionKey()))
                .mapToInt(Citation::n)
                .findFirst()
                .orElse(otherwise);
        return new Citation(n, citation.clause(), citation.quote());
    }

    private static boolean verbatim(Citation citation) {
        return citation.quote() != null
                && !citation.quote().isBlank()
                && citation.clause().text().contains(citation.quote());
    }

    /**
     * An extractive answer quotes its citations verbatim by construction, and its quotes may themselves contain
     * bracketed numbers, so only its citations are checked. A failure here is a bug: say nothing rather than show it.
     */
    private static Answer verifiedExtractive(Answer draft, SearchResult evidence, Map<Integer, Citation> valid) {
        if (valid.size() == draft.citations().size() && !draft.citations().isEmpty()) {
            return draft;
        }
        LOG.error(
                "an extractive answer had {} citation(s) not verbatim from retrieved clauses; abstaining",
                draft.citations().size() - valid.size());
        return ExtractiveAnswerWriter.abstain(evidence, draft.relevance());
    }

    private Answer replaced(Question question, SearchResult evidence) {
        return fallback.write(question, evidence).withExtraNote(UNVERIFIED_NOTE);
    }

    private static String removedNote(int removed) {
        return removed == 1
                ? "1 citation that did not match the retrieved passages was removed."
                : removed + " citations that did not match the retrieved passages were removed.";
    }

    private static String unsupportedNote(int removed) {
        return removed == 1
                ? "1 sentence that no cited passage supports was removed."
                : removed + " sentences that no cited passage supports were removed.";
    }

    private static String join(String note, String extra) {
        return note == null || note.isBlank() ? extra : note + " " + extra;
    }

    /**
     * Citations whose clause was retrieved (or is the earlier wording of the answer's history line, which the writer was
     * given) and whose quote is verbatim from it, by number.
     */
    private static Map<Integer, Citation> validCitations(Answer draft, SearchResult evidence) {
        Set<String> retrieved = evidence.hits().stream()
                .map(h -> h.clause().versionKey())
                .collect(Collectors.toCollection(HashSet::new));
        draft.history().forEach(note -> retrieved.add(note.before().clause().versionKey()));
        Map<Integer, Citation> valid = new LinkedHashMap<>();
        for (Citation citation : draft.citations()) {
            boolean given = retrieved.contains(citation.clause().versionKey());
            if (given && verbatim(citation)) {
                valid.putIfAbsent(citation.n(), citation);
            }
        }
        return valid;
    }

    /** The answer text with invalid markers (and sentences resting only on them) removed, markers renumbered. */
    private static final class Rewrite {
        final List<Integer> order = new ArrayList<>();
        final StringBuilder out = new StringBuilder();
        String text;
        int removed;
        int unsupported;
        boolean fabricatedQuotation;
    }

    /**
     * Whether the sentence's own words (markers left out) share at least a fifth with the clauses it cites; a claim of
     * a few words, or not in English (the clauses' language), is not judged.
     */
    private static boolean overlapsCited(String sentence, List<Integer> cited, Map<Integer, Citation> valid) {
        String words = CitationMarkers.MARKER.matcher(sentence).replaceAll(" ");
        Set<String> claim = Words.contentTerms(words);
        // a claim in another language than the clauses' is judged by its quotations alone
        if (claim.size() < MIN_JUDGED_CLAIM_TERMS || !Languages.ENGLISH.equals(Languages.detect(words))) {
            return true;
        }
        Set<String> clauses = new HashSet<>();
        cited.forEach(
                n -> clauses.addAll(Words.contentTerms(valid.get(n).clause().text())));
        long shared = claim.stream().filter(clauses::contains).count();
        return shared >= claim.size() * MIN_CLAIM_OVERLAP;
    }

    private static Rewrite rewrite(String text, Map<Integer, Citation> valid) {
        Rewrite rewrite = new Rewrite();
        List<Sentences.Span> sentences = CitationMarkers.sentences(text);
        rewrite.fabricatedQuotation = hasFabricatedQuotation(text, sentences, valid);
        int last = 0;
        for (Sentences.Span sentence : sentences) {
            rewrite.out.append(text, last, sentence.start());
            last = sentence.end();
            List<List<Integer>> markers = CitationMarkers.numbersIn(sentence.text());
            List<Integer> cited = markers.stream().flatMap(List::stream).toList();
            List<Integer> validCited = cited.stream().filter(valid::containsKey).toList();
            rewrite.removed +=
                    (int) cited.stream().filter(n -> !valid.containsKey(n)).count();
            if (!cited.isEmpty() && validCited.isEmpty()) {
                continue;
            }
            boolean lead = sentence == sentences.get(0) && Words.count(sentence.text()) <= MAX_LEAD_WORDS;
            if (cited.isEmpty()
                    && !lead
                    && !LEGAL_REMINDER.matcher(sentence.text()).find()) {
                rewrite.unsupported++;
                continue;
            }
            if (!cited.isEmpty() && !overlapsCited(sentence.text(), validCited, valid)) {
                rewrite.unsupported++;
                continue;
            }
            rewrite.out.append(renumber(sentence.text(), valid, rewrite.order));
        }
        rewrite.out.append(text.substring(last));
        rewrite.text = escapeLinks(rewrite.out.toString())
                .replaceAll("[ \\t]{2,}", " ")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
        return rewrite;
    }

    private static String renumber(String sentence, Map<Integer, Citation> valid, List<Integer> order) {
        Matcher m = CitationMarkers.MARKER.matcher(sentence);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            StringBuilder replacement = new StringBuilder();
            for (int n : CitationMarkers.numbers(m.group(1))) {
                if (valid.containsKey(n)) {
                    if (!order.contains(n)) {
                        order.add(n);
                    }
                    String marker = "[" + (order.indexOf(n) + 1) + "]";
                    if (replacement.indexOf(marker) < 0) {
                        replacement.append(marker);
                    }
                }
            }
            String lead =
                    replacement.length() > 0 && Character.isWhitespace(m.group().charAt(0)) ? " " : "";
            m.appendReplacement(out, Matcher.quoteReplacement(lead + replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Whether a quotation of a few words occurs in none of the clauses it is attributed to: those cited after it in
     * its sentence, or every validly cited clause when its sentence cites none. A quotation whose sentence cites only
     * invalid numbers is not judged here: that sentence is removed.
     */
    private static boolean hasFabricatedQuotation(
            String text, List<Sentences.Span> sentences, Map<Integer, Citation> valid) {
        for (Pattern pattern : QUOTATIONS) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String quotation = m.group(1);
                if (Words.count(quotation) < MIN_CHECKED_QUOTATION_WORDS) {
                    continue;
                }
                String restOfSentence = text.substring(m.end(), sentenceEnd(sentences, m.end() - 1, text));
                List<Integer> cited = CitationMarkers.numbersIn(restOfSentence).stream()
                        .flatMap(List::stream)
                        .toList();
                List<Integer> attributed = cited.isEmpty()
                        ? List.copyOf(valid.keySet())
                        : cited.stream().filter(valid::containsKey).toList();
                if (!(attributed.isEmpty() && !cited.isEmpty())
                        && attributed.stream().map(valid::get).noneMatch(c -> quotedFrom(quotation, c.clause()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int sentenceEnd(List<Sentences.Span> sentences, int position, String text) {
        for (Sentences.Span sentence : sentences) {
            if (sentence.start() <= position && position < sentence.end()) {
                return sentence.end();
            }
        }
        return text.length();
    }

    /**
     * Whether the quotation is the clause's words: normalised, one piece occurs in the clause; pieces split at ellipses
     * and inner quote marks must each have {@link #MIN_ELIDED_PIECE_WORDS} words and occur in order within one
     * sentence of the clause.
     */
    static boolean quotedFrom(String quotation, Clause clause) {
        List<String> pieces = new ArrayList<>();
        for (String piece : QUOTE_BREAK.split(quotation)) {
            if (Words.count(piece) > 0) {
                pieces.add(Words.normalize(piece));
            }
        }
        if (pieces.size() <= 1) {
            return pieces.isEmpty() || Words.containsNormalized(clause.text(), pieces.get(0));
        }
        if (pieces.stream().anyMatch(piece -> Words.count(piece) < MIN_ELIDED_PIECE_WORDS)) {
            return false;
        }
        for (Sentences.Span sentence : Sentences.split(clause.text())) {
            if (inOrder(" " + Words.normalize(sentence.text()) + " ", pieces)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inOrder(String sentence, List<String> pieces) {
        int from = 0;
        for (String piece : pieces) {
            int at = sentence.indexOf(" " + piece + " ", from);
            if (at < 0) {
                return false;
            }
            from = at + piece.length() + 1;
        }
        return true;
    }

    /** Masked links keep their text and target as plain text ({@code \\[text\\](url)}), so nothing hides a target. */
    static String escapeLinks(String text) {
        return MASKED_LINK
                .matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement("\\[" + m.group(1) + "\\](" + m.group(2) + ")"));
    }
}
