package dev.policybot.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A user's words turned into index terms by the field's analyser. Nothing is parsed as query syntax, so
 * {@code title:*}, unbalanced quotes, {@code ~} and {@code ^} are just characters that the tokenizer drops.
 */
final class QueryTerms {
    /**
     * At most this many distinct terms make a query: with {@link ExpansionTerms#MAX_TERMS} and the scope filter it
     * stays far below Lucene's limit of 1,024 clauses, whatever the question (the front ends cap its length too).
     */
    static final int MAX_TERMS = 256;

    private QueryTerms() {}

    /** Distinct terms in order of first appearance (the first {@link #MAX_TERMS}), with how often each occurs. */
    static Map<String, Integer> of(Analyzer analyzer, String field, String text) {
        Map<String, Integer> terms = new LinkedHashMap<>();
        for (String term : list(analyzer, field, text)) {
            if (terms.containsKey(term) || terms.size() < MAX_TERMS) {
                terms.merge(term, 1, Integer::sum);
            }
        }
        return terms;
    }

    static List<String> list(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
