package dev.policybot.answer;

import dev.policybot.domain.ScoredClause;
import dev.policybot.domain.SearchResult;
import dev.policybot.domain.Slugs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a search covered, in words a person reads: platform names, and the documents listed in an abstention. */
public final class Searched {
    /** An abstention lists at most this many documents, then says how many more. */
    static final int MAX_LISTED = 8;

    private Searched() {}

    /** Display names of the platforms searched (empty when all were), from the hits or the searched lines. */
    public static List<String> platformNames(SearchResult result) {
        Set<String> names = new LinkedHashSet<>();
        for (String id : result.platformIds()) {
            names.add(nameOf(id, result));
        }
        return List.copyOf(names);
    }

    private static String nameOf(String platformId, SearchResult result) {
        for (ScoredClause hit : result.hits()) {
            if (hit.clause().platformId().equals(platformId)) {
                return hit.clause().platform();
            }
        }
        for (String line : result.searched()) {
            int separator = line.indexOf(" · ");
            String name = separator > 0 ? line.substring(0, separator) : line;
            if (Slugs.of(name).equals(platformId)) {
                return name;
            }
        }
        return platformId;
    }

    /** "SoundCloud's", "SoundCloud's and Spotify's", "The" — the owner phrase in "… indexed documents". */
    static String owners(List<String> platforms) {
        if (platforms.isEmpty()) {
            return "The";
        }
        List<String> possessives = new ArrayList<>();
        for (String name : platforms) {
            possessives.add(possessive(name));
        }
        if (possessives.size() == 1) {
            return possessives.get(0);
        }
        return String.join(", ", possessives.subList(0, possessives.size() - 1)) + " and "
                + possessives.get(possessives.size() - 1);
    }

    static String possessive(String name) {
        return name.endsWith("s") ? name + "'" : name + "'s";
    }

    /** "SoundCloud · Terms of Service (version 2026-08-17); …; and 12 more". */
    static String list(List<String> searched) {
        List<String> shown = searched.subList(0, Math.min(MAX_LISTED, searched.size()));
        String joined = String.join("; ", shown);
        int more = searched.size() - shown.size();
        return more > 0 ? joined + "; and " + more + " more" : joined;
    }
}
