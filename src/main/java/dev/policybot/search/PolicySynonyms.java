package dev.policybot.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * A small curated map from lay words to the words policies use for the same thing ("train" ↔ "machine learning",
 * "delete" ↔ "erase", "sell" ↔ "disclose"). Expansions are added to BM25 with a lower weight than the user's own words.
 */
final class PolicySynonyms {
    private static final Map<String, List<String>> LAY_TO_POLICY = Map.ofEntries(
            Map.entry("train", List.of("machine learning", "artificial intelligence", "models", "develop improve")),
            Map.entry("training", List.of("machine learning", "artificial intelligence", "models")),
            Map.entry("ai", List.of("artificial intelligence", "machine learning", "models")),
            Map.entry("delete", List.of("deletion", "erase", "remove", "close account", "terminate")),
            Map.entry("erase", List.of("delete", "deletion", "remove")),
            Map.entry("sell", List.of("sale", "share", "disclose", "third parties")),
            Map.entry("share", List.of("disclose", "third parties", "transfer")),
            Map.entry("ad", List.of("advertising", "advertisers", "marketing")),
            Map.entry("ads", List.of("advertising", "advertisers", "marketing")),
            Map.entry("own", List.of("ownership", "retain", "rights", "title")),
            Map.entry("kids", List.of("children", "minors", "age")),
            Map.entry("kid", List.of("children", "minors", "age")),
            Map.entry("refund", List.of("refunds", "reimburse", "money back")),
            Map.entry("cancel", List.of("cancellation", "terminate", "subscription")),
            Map.entry("scrape", List.of("scraping", "crawl", "automated means", "robots", "spider")),
            Map.entry("tracks", List.of("content", "user content", "upload")),
            Map.entry("songs", List.of("content", "user content", "music")),
            Map.entry("uploads", List.of("content", "user content", "upload")),
            Map.entry("stuff", List.of("content")),
            Map.entry("licence", List.of("license")),
            Map.entry("license", List.of("licence")),
            Map.entry("sue", List.of("arbitration", "dispute", "class action", "court")),
            Map.entry("lawsuit", List.of("arbitration", "dispute", "class action", "court")),
            Map.entry("ban", List.of("suspend", "terminate", "account")),
            Map.entry("banned", List.of("suspend", "terminate", "account")),
            Map.entry("info", List.of("information", "personal information", "data")),
            Map.entry("location", List.of("geolocation", "gps")),
            Map.entry("change", List.of("modify", "amend", "update")),
            Map.entry("track", List.of("cookies", "tracking")),
            Map.entry("spy", List.of("monitor", "collect")));

    private PolicySynonyms() {
    }

    /** Analysed terms of the expansions of the question's words, minus the terms the question already has. */
    static Set<String> expand(Analyzer analyzer, String field, String question) {
        Set<String> own = new LinkedHashSet<>(QueryTerms.list(analyzer, field, question));
        Set<String> added = new LinkedHashSet<>();
        for (String word : question.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            for (String phrase : LAY_TO_POLICY.getOrDefault(word, List.of())) {
                added.addAll(QueryTerms.list(analyzer, field, phrase));
            }
        }
        added.removeAll(own);
        return added;
    }
}
