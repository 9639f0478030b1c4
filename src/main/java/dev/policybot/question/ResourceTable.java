package dev.policybot.question;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A curated word list shipped as a tab-separated resource: a {@code # version: ...} line, other {@code #} comment
 * lines, blank lines, and rows of tab-separated cells (trailing empty cells may be left out).
 *
 * @param name    the resource path, for messages
 * @param version the version line's value
 * @param rows    the rows, each with its line number
 */
record ResourceTable(String name, String version, List<Row> rows) {
    private static final String VERSION = "# version:";

    /** One row: its cells (trimmed) and where it is. */
    record Row(int line, List<String> cells) {
        /** The cell at {@code i}, or "" when the row is shorter. */
        String cell(int i) {
            return i < cells.size() ? cells.get(i) : "";
        }

        IllegalStateException problem(String name, String message) {
            return new IllegalStateException(name + " line " + line + ": " + message);
        }
    }

    /** Reads {@code resource} from the class path; a missing file or version line is a build error. */
    static ResourceTable load(String resource) {
        InputStream in = ResourceTable.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(resource, reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResourceTable parse(String name, List<String> lines) {
        String version = null;
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(VERSION)) {
                version = line.substring(VERSION.length()).strip();
            } else if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(new Row(
                        i + 1,
                        Arrays.stream(line.split("\t", -1)).map(String::strip).toList()));
            }
        }
        if (version == null || version.isEmpty()) {
            throw new IllegalStateException(name + " has no '" + VERSION + "' line");
        }
        return new ResourceTable(name, version, List.copyOf(rows));
    }

    /** "a; b ;c" → [a, b, c], empty parts dropped. */
    static List<String> alternatives(String cell) {
        return Arrays.stream(cell.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
