package dev.policybot.history;

import dev.policybot.text.Words;
import java.util.Set;

/**
 * A sentence that left or came into a document between two versions, with its words as compared ({@code key}); its
 * meaningful words and whether it is a heading are worked out once, on the first question that looks at it, since
 * every later one asks again.
 */
final class ChangedSentence {
    final String text;
    final String key;
    private volatile Set<String> terms;
    private volatile Boolean heading;

    ChangedSentence(String text, String key) {
        this.text = text;
        this.key = key;
    }

    Set<String> terms() {
        Set<String> t = terms;
        if (t == null) {
            t = Words.contentTerms(text);
            terms = t;
        }
        return t;
    }

    /** Mostly capitals: a heading, never quoted as history. */
    boolean heading() {
        Boolean h = heading;
        if (h == null) {
            long letters = text.chars().filter(Character::isLetter).count();
            long upper = text.chars().filter(Character::isUpperCase).count();
            h = letters > 0 && upper > letters * 0.6;
            heading = h;
        }
        return h;
    }
}
