package dev.policybot.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/** The analysers of the text fields: English stemming for BM25, plain standard tokens for names and exact forms. */
final class Analyzers {
    private Analyzers() {
    }

    static Analyzer indexing() {
        return new PerFieldAnalyzerWrapper(english(), Map.of(IndexFields.TEXT_EXACT, exact()));
    }

    static Analyzer english() {
        return new EnglishAnalyzer();
    }

    static Analyzer exact() {
        return new StandardAnalyzer();
    }
}
