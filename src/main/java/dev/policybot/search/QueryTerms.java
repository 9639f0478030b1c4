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
    private QueryTerms() {
    }

    /** Distinct terms in order of first appearance, with how often each occurs. */
    static Map<String, Integer> of(Analyzer analyzer, String field, String text) {
        Map<String, Integer> terms = new LinkedHashMap<>();
        for (String term : list(analyzer, field, text)) {
            terms.merge(term, 1, Integer::sum);
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
