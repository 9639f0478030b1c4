package dev.policybot.ingest;

import dev.policybot.config.Selector;
import java.util.List;

/**
 * One page of a document: its URL, the selectors that cut the policy out of it, and whether it needs client
 * scripts. A document may combine several pages, in order.
 */
public record Page(String url, List<Selector> select, List<Selector> remove, boolean executeClientScripts) {
    public Page {
        select = List.copyOf(select == null ? List.of() : select);
        remove = List.copyOf(remove == null ? List.of() : remove);
    }
}
