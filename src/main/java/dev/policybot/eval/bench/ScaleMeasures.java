package dev.policybot.eval.bench;

/** What one scale's serving phases measured, filled in as the phases run. */
final class ScaleMeasures {
    private ScaleMeasures() {}

    static final class Queries {
        LatencyStats hybrid;
        LatencyStats bm25;
        LatencyStats ask;
        LatencyStats askOverlap;
        LatencyStats askPlain;
        LatencyStats ask8;
        double heapPeakMb;
    }

    static final class Served {
        double openMs;
        double heapAfterIndex;
        double heapServing;
        Queries queries;
    }
}
