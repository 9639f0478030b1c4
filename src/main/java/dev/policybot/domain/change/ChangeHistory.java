package dev.policybot.domain.change;

import java.util.List;

/** Port: what changed in the archived documents, and when ({@code changes}, {@code history}, {@code /changes}). */
public interface ChangeHistory {
    /** Answers {@code changes} and {@code /changes}: one result per matching document. */
    List<ChangeResult> changes(ChangeQuery query);

    /** Answers {@code history} and {@code /history}: each matching document's versions, newest first. */
    List<DocumentHistory> history(String platform, String document);
}
