package dev.policybot.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/** The analyser of the text fields: English stemming for BM25, the same at index and at query time. */
final class Analyzers {
    private Analyzers() {}

    static Analyzer indexing() {
        return english();
    }

    static Analyzer english() {
        return new EnglishAnalyzer();
    }
}
