package dev.policybot.text;

/** Fast whitespace handling for the hot paths of splitting (regular expressions cost too much there). */
public final class Whitespace {
    private Whitespace() {}

    /** Runs of whitespace (including no-break spaces) as one space, without leading or trailing space. */
    public static String collapse(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
