package dev.policybot.discord.render;

import dev.policybot.domain.Clause;
import java.util.EnumSet;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;

/** Small helpers shared by the renderers: colours, safe links, labels for clauses. */
public final class Embeds {
    public static final int ANSWER_COLOR = 0x5865F2;
    static final int ABSTAIN_COLOR = 0x99AAB5;
    static final int CLOSEST_COLOR = 0xF0B232;
    static final int CLAUSE_COLOR = 0x3BA55C;
    static final int ALERT_COLOR = 0xFAA61A;
    static final int REPORT_COLOR = 0x2F3136;
    public static final EnumSet<Message.MentionType> NO_MENTIONS = EnumSet.noneOf(Message.MentionType.class);

    private static final Pattern LINKABLE = Pattern.compile("https?://\\S+");
    private static final int MAX_URL = 2_000;

    private Embeds() {}

    /** The URL if Discord accepts it as a link, else {@code null} (JDA rejects bad URLs with an exception). */
    static String safeUrl(String url) {
        if (url == null || url.length() > MAX_URL || !LINKABLE.matcher(url).matches()) {
            return null;
        }
        return url;
    }

    /** The best link to a clause: the deep link to the passage, else the document. */
    public static String linkTo(Clause clause) {
        String deep = safeUrl(clause.deepLink());
        return deep != null ? deep : safeUrl(clause.url());
    }

    /** {@code [text](url)}, or just the text when there is no usable link; keeps brackets from breaking it. */
    public static String markdownLink(String text, String url) {
        String label = text.replace('[', '(').replace(']', ')');
        if (url == null) {
            return label;
        }
        return "[" + label + "](" + url.replace("(", "%28").replace(")", "%29") + ")";
    }

    /** "SoundCloud · Terms of Service". */
    static String documentLabel(Clause clause) {
        return clause.platform() + " · " + clause.document();
    }

    /** "Grant of License · version 2025-09-10". */
    public static String sectionAndVersion(Clause clause) {
        return clause.section() + " · version " + clause.version();
    }

    /** Text on one line, for quotes and summaries. */
    public static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
