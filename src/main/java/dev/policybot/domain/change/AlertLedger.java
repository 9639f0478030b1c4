package dev.policybot.domain.change;

import java.time.LocalDate;
import java.util.Map;

/**
 * Port: remembers, per document ({@code platform/document}), the newest version already handled by the change
 * alerts (alerted, or seen when alerts started), so that no version is ever alerted twice, across restarts too.
 */
public interface AlertLedger {

    /** The newest handled version per document key; empty before the first check. */
    Map<String, LocalDate> handled();

    /** Records the newest handled version per document key, durably, replacing what was recorded. */
    void save(Map<String, LocalDate> handled);
}
