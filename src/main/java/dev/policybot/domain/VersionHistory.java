package dev.policybot.domain;

import dev.policybot.domain.port.ClauseSplitter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Validity of versions: each version of a document holds from its date until the next version's date. */
public final class VersionHistory {
    private VersionHistory() {}

    /** Sorted by document key, then date. */
    public static List<PolicyVersion> sorted(List<PolicyVersion> versions) {
        List<PolicyVersion> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(PolicyVersion::documentKey).thenComparing(PolicyVersion::date));
        return sorted;
    }

    /** Splits every version, each valid until the next later version of the same document (the newest is current). */
    public static List<Clause> splitAll(List<PolicyVersion> versions, ClauseSplitter splitter) {
        List<PolicyVersion> sorted = sorted(versions);
        List<Clause> clauses = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            PolicyVersion version = sorted.get(i);
            clauses.addAll(splitter.split(version, validTo(sorted, i)));
        }
        return clauses;
    }

    private static LocalDate validTo(List<PolicyVersion> sorted, int i) {
        PolicyVersion version = sorted.get(i);
        for (int j = i + 1; j < sorted.size(); j++) {
            PolicyVersion next = sorted.get(j);
            if (!next.documentKey().equals(version.documentKey())) {
                return null;
            }
            if (next.date().isAfter(version.date())) {
                return next.date();
            }
        }
        return null;
    }
}
