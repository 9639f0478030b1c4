package dev.policybot.search;

import dev.policybot.domain.SearchRequest;
import dev.policybot.domain.UnderstoodQuery;
import java.time.LocalDate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** The BM25 side's query (the question's analysed words and their policy wording) and the scope filter both sides share. */
final class Bm25Queries {
    private final Analyzer english;

    Bm25Queries(Analyzer english) {
        this.english = english;
    }

    /**
     * The question's words and the weighted terms of its policy wording, within {@code filter}, or over every current
     * clause when it is {@code null}.
     */
    Query of(UnderstoodQuery understood, Query filter) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        QueryTerms.of(english, IndexFields.TEXT, understood.english())
                .forEach((term, count) -> words.add(new TermQuery(new Term(IndexFields.TEXT, term)), Occur.SHOULD));
        ExpansionTerms.of(english, IndexFields.TEXT, understood)
                .forEach((term, weight) -> words.add(
                        new BoostQuery(new TermQuery(new Term(IndexFields.TEXT, term)), weight), Occur.SHOULD));
        if (filter == null) {
            return words.add(
                            LongPoint.newRangeQuery(IndexFields.VALID_TO, Long.MIN_VALUE, IndexFields.OPEN_END - 1),
                            Occur.MUST_NOT)
                    .build();
        }
        return new BooleanQuery.Builder()
                .add(words.build(), Occur.MUST)
                .add(filter, Occur.FILTER)
                .build();
    }

    /** A search of every platform and document as they are now: nothing filtered but the older versions. */
    static boolean everyCurrentClause(SearchRequest request) {
        return request.documentId() == null && request.asOf() == null;
    }

    /** Platform (or all), document, and the versions in force on the day asked (current versions by default). */
    static Query filter(String platformId, SearchRequest request) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        filter.add(new MatchAllDocsQuery(), Occur.FILTER);
        if (platformId != null) {
            filter.add(new TermQuery(new Term(IndexFields.PLATFORM_ID, platformId)), Occur.FILTER);
        }
        if (request.documentId() != null) {
            filter.add(new TermQuery(new Term(IndexFields.DOCUMENT_ID, request.documentId())), Occur.FILTER);
        }
        LocalDate day = request.asOf();
        if (day == null) {
            filter.add(LongPoint.newExactQuery(IndexFields.VALID_TO, IndexFields.OPEN_END), Occur.FILTER);
        } else {
            filter.add(LongPoint.newRangeQuery(IndexFields.VALID_FROM, Long.MIN_VALUE, day.toEpochDay()), Occur.FILTER);
            filter.add(
                    LongPoint.newRangeQuery(IndexFields.VALID_TO, day.toEpochDay() + 1, Long.MAX_VALUE), Occur.FILTER);
        }
        return filter.build();
    }
}
