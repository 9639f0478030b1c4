package dev.policybot.domain.port;

import dev.policybot.domain.Clause;
import dev.policybot.domain.PolicyVersion;
import java.time.LocalDate;
import java.util.List;

/** Port: splits one archived version into clauses along its structure. */
@FunctionalInterface
public interface ClauseSplitter {

    /**
     * @param version the version to split
     * @param validTo the next version's date, or {@code null} when {@code version} is current
     */
    List<Clause> split(PolicyVersion version, LocalDate validTo);
}
