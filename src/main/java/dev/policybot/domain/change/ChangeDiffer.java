package dev.policybot.domain.change;

import dev.policybot.domain.PolicyVersion;

/** Port: compares two versions of one document clause by clause. */
@FunctionalInterface
public interface ChangeDiffer {

    /** @param before the older version; {@code after} the newer version of the same document */
    DocumentChange diff(PolicyVersion before, PolicyVersion after);
}
