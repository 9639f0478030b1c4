package dev.policybot.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns structural blocks into clause-sized passages: long blocks are cut at sentence boundaries, fragments too
 * small to stand alone (bare headings' first lines, "Last updated" banners, one-line items) join a neighbour,
 * a lead-in sentence ("… the following:") stays with its list, and short items of one list travel together.
 * No passage exceeds {@link #HARD_CAP}.
 */
final class ClausePacker {
    /** Below this a fragment does not stand alone. */
    static final int MIN = 150;
    /** Blocks longer than this are split; packing of list items stops here. */
    static final int TARGET = 1500;
    /** No passage is ever longer. */
    static final int HARD_CAP = 2000;
    /** List items shorter than this are packed with their neighbours in the same list. */
    static final int SHORT_ITEM = 400;

    private ClausePacker() {}

    /** A packed passage: the heading path it sits under and its text. */
    record Passage(List<String> path, String text) {}

    private static final class Buffer {
        List<String> path;
        final StringBuilder text = new StringBuilder();
        Block last;

        Buffer(Block first) {
            path = first.path();
            text.append(first.text());
            last = first;
        }

        int length() {
            return text.length();
        }

        boolean endsWithLeadIn() {
            return last.kind() == Block.Kind.LEAD_IN;
        }

        void append(Block block) {
            text.append(separator(last, block)).append(block.text());
            last = block;
        }

        Passage passage() {
            return new Passage(path, text.toString());
        }
    }

    static List<Passage> pack(List<Block> blocks) {
        List<Passage> out = new ArrayList<>();
        Buffer buffer = null;
        for (Block block : splitLong(blocks)) {
            if (buffer == null) {
                buffer = new Buffer(block);
            } else if (buffer.path.equals(block.path()) && joins(buffer, block)) {
                buffer.append(block);
            } else if (buffer.length() < MIN && joinsPrevious(out, buffer)) {
                buffer = new Buffer(block);
            } else if (tooSmallToLeave(buffer)
                    && fits(buffer.length()
                            + headingPrefix(buffer.path, block.path()).length()
                            + block.text().length())) {
                buffer = carryForward(buffer, block);
            } else {
                out.add(buffer.passage());
                buffer = new Buffer(block);
            }
        }
        if (buffer != null) {
            finish(out, buffer);
        }
        return out;
    }

    private static boolean joins(Buffer buffer, Block block) {
        int total = buffer.length() + 2 + block.text().length();
        if (!fits(total)) {
            return false;
        }
        if (tooSmallToLeave(buffer)) {
            return true;
        }
        boolean withinTarget = total <= TARGET;
        if (block.text().length() < MIN && block.kind() != Block.Kind.LEAD_IN) {
            return withinTarget;
        }
        boolean sameList = block.listId() != 0 && block.listId() == buffer.last.listId();
        return withinTarget && sameList && block.text().length() < SHORT_ITEM;
    }

    private static boolean tooSmallToLeave(Buffer buffer) {
        return buffer.length() < MIN || buffer.endsWithLeadIn();
    }

    private static boolean fits(int length) {
        return length <= HARD_CAP;
    }

    /** A small passage at the end of its section first tries to join the passage before it in the same section. */
    private static boolean joinsPrevious(List<Passage> out, Buffer buffer) {
        if (out.isEmpty()) {
            return false;
        }
        Passage previous = out.get(out.size() - 1);
        String joined = previous.text() + "\n\n" + buffer.text;
        if (!previous.path().equals(buffer.path) || !fits(joined.length())) {
            return false;
        }
        out.set(out.size() - 1, new Passage(previous.path(), joined));
        return true;
    }

    /**
     * Otherwise a small passage at the end of its section moves into the next section's first block; the headings it
     * leaves behind go with it as lines of text, so nothing it said is lost.
     */
    private static Buffer carryForward(Buffer buffer, Block block) {
        String prefix = headingPrefix(buffer.path, block.path());
        Buffer merged = new Buffer(block.withText(prefix + buffer.text + "\n\n" + block.text()));
        merged.last = block;
        return merged;
    }

    /** The last passage, if too small, joins the one before it. */
    private static void finish(List<Passage> out, Buffer buffer) {
        if (buffer.length() < MIN && !out.isEmpty()) {
            Passage previous = out.get(out.size() - 1);
            String prefix = headingPrefix(buffer.path, previous.path());
            String joined = previous.text() + "\n\n" + prefix + buffer.text;
            if (fits(joined.length())) {
                out.set(out.size() - 1, new Passage(previous.path(), joined));
                return;
            }
        }
        out.add(buffer.passage());
    }

    /** Headings of {@code from} that {@code to} does not share, one per line, to travel with moved text. */
    private static String headingPrefix(List<String> from, List<String> to) {
        int common = 0;
        while (common < from.size() && common < to.size() && from.get(common).equals(to.get(common))) {
            common++;
        }
        StringBuilder prefix = new StringBuilder();
        for (String heading : from.subList(common, from.size())) {
            prefix.append(heading).append("\n\n");
        }
        return prefix.toString();
    }

    private static String separator(Block previous, Block next) {
        boolean sameList = next.listId() != 0 && next.listId() == previous.listId();
        return sameList || previous.kind() == Block.Kind.LEAD_IN ? "\n" : "\n\n";
    }

    private static List<Block> splitLong(List<Block> blocks) {
        List<Block> out = new ArrayList<>();
        for (Block block : blocks) {
            for (String piece : LongTextSplitter.split(block.text(), TARGET, TARGET)) {
                out.add(block.withText(piece));
            }
        }
        return out;
    }
}
