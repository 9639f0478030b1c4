package dev.policybot.ingest;

import java.util.List;

/**
 * One structural unit of a document, before packing into clauses: a paragraph, a list item or a table row,
 * with the headings above it.
 *
 * @param path   headings above the block, outermost first
 * @param text   verbatim text without Markdown syntax
 * @param kind   what the block is
 * @param listId blocks of the same list share an id (0 for blocks outside lists)
 */
record Block(List<String> path, String text, Kind kind, int listId) {

    enum Kind {
        PARAGRAPH,
        LEAD_IN,
        ITEM,
        ROW
    }

    Block {
        path = List.copyOf(path);
    }

    Block withText(String newText) {
        return new Block(path, newText, kind, listId);
    }
}
