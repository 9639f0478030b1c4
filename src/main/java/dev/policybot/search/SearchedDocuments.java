package dev.policybot.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/** The documents and versions a filter covers, as "Platform · Document (version YYYY-MM-DD)" lines. */
final class SearchedDocuments {
    private SearchedDocuments() {}

    static Map<String, String> in(IndexSearcher searcher, Query filter, int max) throws IOException {
        Map<String, String> lines = new LinkedHashMap<>();
        Weight weight = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            SortedSetDocValues keys = DocValues.getSortedSet(leaf.reader(), IndexFields.DOCUMENT_KEY);
            NumericDocValues from = DocValues.getNumeric(leaf.reader(), IndexFields.VALID_FROM);
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc();
                    doc != DocIdSetIterator.NO_MORE_DOCS && lines.size() < max;
                    doc = docs.nextDoc()) {
                if (keys.advanceExact(doc) && from.advanceExact(doc)) {
                    String[] parts =
                            keys.lookupOrd(keys.nextOrd()).utf8ToString().split("\t", -1);
                    long day = from.longValue();
                    lines.computeIfAbsent(
                            parts[0] + "/" + parts[1] + "@" + day,
                            k -> parts[2] + " · " + parts[3] + " (version " + LocalDate.ofEpochDay(day) + ")");
                }
            }
        }
        return lines;
    }
}
