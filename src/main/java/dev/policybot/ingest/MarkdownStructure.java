package dev.policybot.ingest;

import dev.policybot.text.Whitespace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Markdown into structural blocks (paragraphs, list items, table rows) under their heading path, with all
 * Markdown syntax removed and the words left exactly as written. Junk (scripts, JSON, base64) and navigation
 * (link-only paragraphs and list items, e.g. tables of contents) are dropped here.
 */
final class MarkdownStructure {
    /** Bold-only lines act as headings below all real ones. */
    private static final int PSEUDO_HEADING_LEVEL = 7;

    private static final int MAX_PSEUDO_HEADING = 120;
    private static final Pattern DATE_BANNER =
            Pattern.compile("(?i)(last|date)\\s+(amended|updated|modified|revised)|effective|^updated|^version");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^[|:\\-\\s]+$");
    private static final Pattern CELL_BULLET = Pattern.compile("(?m)^\\s*[*+\\-•]\\s+");
    private static final Logger LOG = LoggerFactory.getLogger(MarkdownStructure.class);
    private static final Parser PARSER = Parser.builder().build();

    private final Deque<Heading> headings = new ArrayDeque<>();
    private final List<Block> blocks = new ArrayList<>();
    private int lists;

    private record Heading(int level, String text) {}

    private MarkdownStructure() {}

    static List<Block> read(String markdown) {
        MarkdownStructure structure = new MarkdownStructure();
        structure.visitChildren(PARSER.parse(markdown));
        return structure.blocks;
    }

    private void visitChildren(Node parent) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            visitBlock(node);
        }
    }

    private void visitBlock(Node node) {
        if (node instanceof org.commonmark.node.Heading heading) {
            enterHeading(heading.getLevel(), Inline.render(heading).text());
        } else if (node instanceof Paragraph paragraph) {
            paragraph(paragraph);
        } else if (node instanceof ListBlock list) {
            list(list);
        } else if (node instanceof BlockQuote || node instanceof CustomBlock) {
            visitChildren(node);
        } else if (node instanceof FencedCodeBlock code) {
            add(code.getLiteral(), Block.Kind.PARAGRAPH, 0);
        } else if (node instanceof IndentedCodeBlock code) {
            add(code.getLiteral(), Block.Kind.PARAGRAPH, 0);
        } else if (node instanceof HtmlBlock html) {
            add(Jsoup.parse(html.getLiteral()).text(), Block.Kind.PARAGRAPH, 0);
        }
        // thematic breaks and link reference definitions carry no text
    }

    private void enterHeading(int level, String text) {
        String clean = text.replaceAll("\\s+", " ").strip();
        if (clean.isEmpty() || JunkFilter.isJunk(clean)) {
            return;
        }
        while (!headings.isEmpty() && headings.peekLast().level() >= level) {
            headings.removeLast();
        }
        headings.addLast(new Heading(level, clean));
    }

    private void paragraph(Paragraph paragraph) {
        Inline.Rendered rendered = Inline.render(paragraph);
        String text = rendered.text();
        if (rendered.linkOnly()) {
            return;
        }
        if (text.startsWith("|")) {
            tableRows(text);
        } else if (isPseudoHeading(paragraph, text)) {
            enterHeading(PSEUDO_HEADING_LEVEL, text);
        } else {
            add(text, text.strip().endsWith(":") ? Block.Kind.LEAD_IN : Block.Kind.PARAGRAPH, 0);
        }
    }

    /** A short paragraph that is entirely bold (or italic) and is not a date banner or a sentence. */
    private static boolean isPseudoHeading(Paragraph paragraph, String text) {
        Node only = paragraph.getFirstChild();
        if (only == null || only.getNext() != null || !(only instanceof StrongEmphasis || only instanceof Emphasis)) {
            return false;
        }
        String t = text.strip();
        return t.length() <= MAX_PSEUDO_HEADING
                && !t.contains("\n")
                && !DATE_BANNER.matcher(t).find()
                && !t.endsWith(".")
                && !t.endsWith(":");
    }

    /** Pipe tables (not parsed by core CommonMark) become one block per row, cells on their own lines. */
    private void tableRows(String text) {
        int table = ++lists;
        for (String row : text.split("\n(?=\\|)")) {
            if (TABLE_SEPARATOR.matcher(row).matches()) {
                continue;
            }
            String body = row.strip().replaceAll("^\\|", "").replaceAll("\\|$", "");
            List<String> cells = new ArrayList<>();
            for (String cell : body.split("\\|")) {
                String c = CELL_BULLET.matcher(cell.strip()).replaceAll("").strip();
                if (!c.isEmpty()) {
                    cells.add(c);
                }
            }
            add(String.join("\n", cells), Block.Kind.ROW, table);
        }
    }

    private void list(ListBlock list) {
        int id = ++lists;
        boolean tableOfContents = isTableOfContents(list);
        int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                ? ordered.getMarkerStartNumber()
                : 1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext(), number++) {
            if (!(item instanceof ListItem listItem)) {
                continue;
            }
            ItemText itemText = new ItemText();
            itemText.collect(listItem);
            if (itemText.linkOnly() || tableOfContents) {
                continue;
            }
            String prefix = list instanceof OrderedList ordered
                    ? number + (ordered.getMarkerDelimiter() == null ? "." : ordered.getMarkerDelimiter()) + " "
                    : "";
            add(prefix + itemText.text(), Block.Kind.ITEM, id);
        }
    }

    /**
     * A table of contents: three or more items, most of them opening with a link to an anchor on the same page
     * (the short descriptions some carry repeat the sections they point to).
     */
    private static boolean isTableOfContents(ListBlock list) {
        int items = 0;
        int anchored = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            items++;
            Node first =
                    item.getFirstChild() == null ? null : item.getFirstChild().getFirstChild();
            if (first instanceof Link link
                    && link.getDestination() != null
                    && link.getDestination().startsWith("#")) {
                anchored++;
            }
        }
        return items >= 3 && anchored * 2 > items;
    }

    private void add(String text, Block.Kind kind, int listId) {
        String clean = tidy(text);
        if (clean.isEmpty()) {
            return;
        }
        if (JunkFilter.isJunk(clean)) {
            LOG.debug(
                    "dropped as junk ({} chars): {}",
                    clean.length(),
                    clean.length() > 200 ? clean.substring(0, 200) : clean);
            return;
        }
        blocks.add(new Block(headings.stream().map(Heading::text).toList(), clean, kind, listId));
    }

    /** Trims every line and collapses runs of spaces and blank lines; words stay as they are. */
    static String tidy(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            String l = Whitespace.collapse(line);
            if (!l.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(l);
            }
        }
        return out.toString();
    }

    /** The lines of a list item: its paragraphs, and nested items each on a line of its own. */
    private static final class ItemText {
        private final StringBuilder text = new StringBuilder();
        private boolean anyText;

        void collect(Node container) {
            for (Node child = container.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof ListBlock nested) {
                    for (Node item = nested.getFirstChild(); item != null; item = item.getNext()) {
                        collect(item);
                    }
                } else if (child instanceof Paragraph || child instanceof org.commonmark.node.Heading) {
                    Inline.Rendered rendered = Inline.render(child);
                    line(rendered.text());
                    anyText |= !rendered.linkOnly();
                } else if (child instanceof FencedCodeBlock code) {
                    line(code.getLiteral());
                    anyText = true;
                } else if (child instanceof IndentedCodeBlock code) {
                    line(code.getLiteral());
                    anyText = true;
                } else if (child instanceof HtmlBlock html) {
                    line(Jsoup.parse(html.getLiteral()).text());
                    anyText = true;
                } else if (child instanceof BlockQuote) {
                    collect(child);
                }
            }
        }

        private void line(String line) {
            if (!line.isBlank()) {
                text.append(text.length() == 0 ? "" : "\n").append(line.strip());
            }
        }

        String text() {
            return text.toString();
        }

        boolean linkOnly() {
            return !anyText;
        }
    }

    /** Renders inline content to plain text: emphasis and link syntax removed, images dropped, breaks kept. */
    static final class Inline {
        /** "](https://…)" left in text when a page capture nested brackets the parser could not pair. */
        private static final Pattern LEFTOVER_LINK = Pattern.compile("\\]\\((https?://|/|#)[^)\\s]*\\)");

        private final StringBuilder text = new StringBuilder();
        private int outsideLinks;

        record Rendered(String text, boolean linkOnly) {}

        static Rendered render(Node parent) {
            Inline inline = new Inline();
            inline.children(parent, false);
            String t = LEFTOVER_LINK.matcher(inline.text).replaceAll("");
            return new Rendered(t, !t.isBlank() && inline.outsideLinks == 0);
        }

        private void children(Node parent, boolean inLink) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
                node(node, inLink);
            }
        }

        private void node(Node node, boolean inLink) {
            if (node instanceof Text t) {
                append(t.getLiteral(), inLink);
            } else if (node instanceof Code c) {
                append(c.getLiteral(), inLink);
            } else if (node instanceof SoftLineBreak) {
                text.append(isTableLine() ? "\n" : " ");
            } else if (node instanceof HardLineBreak) {
                text.append('\n');
            } else if (node instanceof HtmlInline html) {
                if (html.getLiteral().toLowerCase(Locale.ROOT).matches("<br\\s*/?>")) {
                    text.append('\n');
                }
            } else if (node instanceof Link) {
                children(node, true);
            } else if (!(node instanceof Image)) {
                children(node, inLink);
            }
        }

        private void append(String literal, boolean inLink) {
            text.append(literal);
            if (!inLink) {
                for (int i = 0; i < literal.length(); i++) {
                    if (Character.isLetterOrDigit(literal.charAt(i))) {
                        outsideLinks++;
                    }
                }
            }
        }

        /** Soft breaks inside a pipe table separate rows, so they must stay line breaks. */
        private boolean isTableLine() {
            return text.length() > 0 && text.charAt(0) == '|';
        }
    }
}
