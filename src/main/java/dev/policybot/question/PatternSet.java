package dev.policybot.question;

import java.util.List;

/** The patterns of one word-list row, separated by ";" in the file: the row applies when any of them occurs. */
record PatternSet(List<PhrasePattern> patterns) {

    static PatternSet of(String cell) {
        List<PhrasePattern> patterns =
                ResourceTable.alternatives(cell).stream().map(PhrasePattern::of).toList();
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("no pattern");
        }
        return new PatternSet(patterns);
    }

    boolean matches(List<String> words) {
        return patterns.stream().anyMatch(p -> p.matches(words));
    }

    @Override
    public String toString() {
        return String.join("; ", patterns.stream().map(PhrasePattern::toString).toList());
    }
}
