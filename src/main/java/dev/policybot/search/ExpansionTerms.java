package dev.policybot.search;

import dev.policybot.domain.UnderstoodQuery;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * The index terms of an understood question's expansions (policy wording, glossary alternatives, French wording), each
 * with its weight: the highest weight of the phrases it occurs in, and none for terms the question's own words have.
 */
final class ExpansionTerms {
    static final int MAX_TERMS = 64;

    private ExpansionTerms() {}

    static Map<String, Float> of(Analyzer analyzer, String field, UnderstoodQuery understood) {
        Set<String> own = new HashSet<>(QueryTerms.list(analyzer, field, understood.english()));
        Map<String, Float> terms = new LinkedHashMap<>();
        understood.expansions().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    for (String term : QueryTerms.list(analyzer, field, e.getKey())) {
                        if (!own.contains(term) && (terms.containsKey(term) || terms.size() < MAX_TERMS)) {
                            terms.merge(term, e.getValue().floatValue(), Math::max);
                        }
                    }
                });
        return terms;
    }
}
