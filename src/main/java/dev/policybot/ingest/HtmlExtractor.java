package dev.policybot.ingest;

import dev.policybot.config.Selector;
import dev.policybot.domain.UserFacingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector.SelectorParseException;

/**
 * Turns an HTML page into Markdown-like text that keeps its structure (headings, paragraphs, list items, table
 * rows), after applying Open Terms Archive selectors: {@code remove} deletes elements, {@code select} keeps the
 * matching elements (or the content between the two ends of a range), in document order.
 */
final class HtmlExtractor {
    private static final Set<String> SKIPPED = Set.of(
            "script",
            "style",
            "noscript",
            "template",
            "svg",
            "head",
            "iframe",
            "object",
            "canvas",
            "button",
            "input",
            "select",
            "textarea",
            "form",
            "img",
            "video",
            "audio",
            "picture",
            "map");
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "section",
            "article",
            "main",
            "header",
            "footer",
            "aside",
            "nav",
            "ul",
            "ol",
            "li",
            "table",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "td",
            "th",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "dl",
            "dt",
            "dd",
            "figure",
            "figcaption",
            "address",
            "hr",
            "body",
            "details",
            "summary",
            "fieldset",
            "caption",
            "center",
            "html");

    private final List<String> blocks = new ArrayList<>();
    private final StringBuilder inline = new StringBuilder();

    private HtmlExtractor() {}

    static String toMarkdown(Document page, List<Selector> select, List<Selector> remove, String where) {
        for (Selector selector : remove) {
            for (Element element : matches(page, selector, where, false)) {
                element.remove();
            }
        }
        List<Element> roots = new ArrayList<>();
        if (select.isEmpty()) {
            roots.add(page.body() == null ? page : page.body());
        }
        for (Selector selector : select) {
            List<Element> found = matches(page, selector, where, true);
            roots.addAll(found);
        }
        HtmlExtractor extractor = new HtmlExtractor();
        for (Element root : roots) {
            extractor.block(root);
            extractor.flush();
        }
        return String.join("\n\n", extractor.blocks);
    }

    private static List<Element> matches(Document page, Selector selector, String where, boolean required) {
        List<Element> found;
        try {
            found = selector.isRange() ? range(page, selector, where) : page.select(selector.css());
        } catch (SelectorParseException e) {
            throw UserFacingException.badInput(where + ": invalid CSS selector (" + e.getMessage() + ")");
        }
        if (required && found.isEmpty()) {
            throw UserFacingException.failure(
                    where + ": the selector '" + describe(selector)
                            + "' matched nothing on the page (the page layout may have changed)",
                    null);
        }
        return found;
    }

    private static String describe(Selector s) {
        return s.isRange()
                ? "{" + (s.startBefore() != null ? "startBefore: " + s.startBefore() : "startAfter: " + s.startAfter())
                        + ", " + (s.endBefore() != null ? "endBefore: " + s.endBefore() : "endAfter: " + s.endAfter())
                        + "}"
                : s.css();
    }

    /** The top-most elements lying entirely between the start and the end of a range selector. */
    private static List<Element> range(Document page, Selector selector, String where) {
        Elements all = page.getAllElements();
        Element start =
                page.selectFirst(selector.startBefore() != null ? selector.startBefore() : selector.startAfter());
        Element end = page.selectFirst(selector.endBefore() != null ? selector.endBefore() : selector.endAfter());
        if (start == null || end == null) {
            return List.of();
        }
        int from = selector.startBefore() != null ? all.indexOf(start) : lastDescendant(all, start) + 1;
        int to = selector.endBefore() != null ? all.indexOf(end) - 1 : lastDescendant(all, end);
        List<Element> picked = new ArrayList<>();
        for (int i = from; i <= to && i < all.size(); i++) {
            Element element = all.get(i);
            int last = lastDescendant(all, element);
            if (last <= to) {
                picked.add(element);
                i = last;
            }
        }
        return picked;
    }

    private static int lastDescendant(Elements all, Element element) {
        Elements descendants = element.getAllElements();
        return all.indexOf(descendants.get(descendants.size() - 1));
    }

    private void block(Element element) {
        String tag = element.normalName();
        if (SKIPPED.contains(tag) || "true".equals(element.attr("hidden")) || element.hasAttr("hidden")) {
            return;
        }
        if (tag.matches("h[1-6]")) {
            flush();
            String text = clean(element.text());
            if (!text.isEmpty()) {
                blocks.add("#".repeat(tag.charAt(1) - '0') + " " + MarkdownText.escape(text));
            }
            return;
        }
        if (tag.equals("table")) {
            flush();
            table(element);
            return;
        }
        if (tag.equals("li")) {
            flush();
            listItem(element);
            return;
        }
        if (tag.equals("br")) {
            inline.append('\n');
            return;
        }
        boolean isBlock = BLOCKS.contains(tag);
        if (isBlock) {
            flush();
        }
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                inline.append(text.getWholeText());
            } else if (child instanceof Element childElement) {
                block(childElement);
            }
        }
        if (isBlock) {
            flush();
        }
    }

    /** A list item's own text becomes one item; nested lists become items of their own after it. */
    private void listItem(Element li) {
        List<Element> nested = new ArrayList<>();
        StringBuilder own = new StringBuilder();
        for (Node child : li.childNodes()) {
            if (child instanceof Element e
                    && (e.normalName().equals("ul") || e.normalName().equals("ol"))) {
                nested.add(e);
            } else if (child instanceof Element e && !SKIPPED.contains(e.normalName())) {
                own.append(' ').append(e.normalName().equals("br") ? "\n" : textWithBreaks(e));
            } else if (child instanceof TextNode t) {
                own.append(t.getWholeText());
            }
        }
        String text = clean(own.toString());
        if (!text.isEmpty()) {
            blocks.add("- " + MarkdownText.escape(text).replace("\n", "\n  "));
        }
        nested.forEach(this::block);
    }

    /** A table becomes one block of pipe rows (the splitter makes one clause per row). */
    private void table(Element table) {
        List<String> rows = new ArrayList<>();
        for (Element tr : table.select("tr")) {
            String row = row(tr);
            if (row != null) {
                rows.add(row);
            }
        }
        if (!rows.isEmpty()) {
            blocks.add(String.join("\n", rows));
        }
    }

    private static String row(Element tr) {
        List<String> cells = new ArrayList<>();
        for (Element cell : tr.children()) {
            String text = clean(textWithBreaks(cell)).replace("\n", " ");
            if (!text.isEmpty()) {
                cells.add(MarkdownText.escape(text).replace("|", "/"));
            }
        }
        return cells.isEmpty() ? null : "| " + String.join(" | ", cells) + " |";
    }

    /** Text of an element with block children and {@code <br>} as line breaks. */
    private static String textWithBreaks(Element element) {
        StringBuilder out = new StringBuilder();
        for (Node node : element.childNodes()) {
            if (node instanceof TextNode t) {
                out.append(t.getWholeText());
            } else if (node instanceof Element e && !SKIPPED.contains(e.normalName())) {
                boolean breaks = e.normalName().equals("br") || BLOCKS.contains(e.normalName());
                out.append(breaks ? "\n" : "").append(textWithBreaks(e)).append(breaks ? "\n" : "");
            }
        }
        return out.toString();
    }

    private void flush() {
        String text = clean(inline.toString());
        inline.setLength(0);
        if (!text.isEmpty()) {
            blocks.add(MarkdownText.escape(text));
        }
    }

    /** Collapses spaces within lines (keeping explicit line breaks) and drops empty lines. */
    private static String clean(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.replace('\u00A0', ' ').split("\n")) {
            String l = line.replaceAll("[ \\t\\r\\f\\u000B]+", " ").strip();
            if (!l.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(l);
            }
        }
        return out.toString();
    }
}
