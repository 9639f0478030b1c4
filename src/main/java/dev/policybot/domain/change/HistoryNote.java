package dev.policybot.domain.change;

import dev.policybot.domain.Citation;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The one history line an answer may carry: a dated change, on the question's topic, of a document it cites (or of
 * another document of the same platform), with the earlier wording quoted and cited.
 *
 * @param changed           the day the newer wording was archived
 * @param statedDateChanged {@code false} when the document's own "last updated" date stayed the same across the change
 *                          (a silent change), else {@code true} (also when the document states no date)
 * @param before            the earlier wording: its clause of the version before the change, and the quoted sentence
 * @param beforeSince       the first archived version that already had that wording
 * @param after             the wording after the change, or {@code null} when the change only removed text
 * @param later             {@code true} when the change came after the day the question asked about ({@code --as-of})
 */
public record HistoryNote(
        LocalDate changed,
        boolean statedDateChanged,
        Citation before,
        LocalDate beforeSince,
        Citation after,
        boolean later) {
    public HistoryNote {
        Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(beforeSince, "beforeSince");
    }

    /** One line in English, e.g. "Changed on 2025-05-27. Before that (from 2024-02-07) SoundCloud's Terms of Service said: “…” [3]". */
    public String line() {
        String document = before.clause().platform() + "'s " + before.clause().document();
        if (later && after != null) {
            return "This changed later: since " + changed + " " + document + " says: “" + after.quote() + "” ["
                    + after.n() + "]" + silentNote();
        }
        if (later) {
            return "This changed later: on " + changed + " " + document + " dropped: “" + before.quote() + "” ["
                    + before.n() + "]" + silentNote();
        }
        return "Changed on " + changed + ". Before that (from " + beforeSince + ") " + document + " said: “"
                + before.quote() + "” [" + before.n() + "]" + silentNote();
    }

    private String silentNote() {
        return statedDateChanged ? "" : " The document's own \"last updated\" date did not change with it.";
    }
}
