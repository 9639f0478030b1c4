package dev.policybot.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policybot.config.Selector;
import dev.policybot.domain.Source;
import dev.policybot.domain.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads Open Terms Archive declarations ({@code <Service>.json}: {@code name} and {@code terms}, or
 * {@code documents} in ToS;DR's variant) into sources, one per terms type. A terms entry fetches one page
 * ({@code fetch}, {@code select}, {@code remove}, {@code executeClientScripts}) or combines several in order
 * ({@code fetch} as a list, or {@code combine}); a page's own selectors override the entry's. History files
 * ({@code *.history.json}) describe past layouts and are skipped. A file that cannot be read becomes one failing
 * source naming it, so the other declarations still run.
 */
public final class Declarations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSource web;

    public Declarations(WebSource web) {
        this.web = web;
    }

    /** Sources of a declaration file, or of every declaration file in a folder (not recursive into history). */
    public List<Source> sources(Path fileOrFolder) {
        List<Source> sources = new ArrayList<>();
        for (Path file : files(fileOrFolder)) {
            try {
                sources.addAll(read(file));
            } catch (UserFacingException e) {
                sources.add(failing("declaration " + file.getFileName(), e));
            }
        }
        return sources;
    }

    private static List<Path> files(Path fileOrFolder) {
        if (!Files.isDirectory(fileOrFolder)) {
            return List.of(fileOrFolder);
        }
        try (Stream<Path> paths = Files.walk(fileOrFolder)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().endsWith(".history.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw UserFacingException.failure("cannot list declarations in " + fileOrFolder, e);
        }
    }

    List<Source> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw UserFacingException.badInput(file + ", line "
                    + e.getLocation().getLineNr() + ": not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw UserFacingException.failure(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        String name = text(root, "name");
        JsonNode terms = root.has("terms") ? root.get("terms") : root.get("documents");
        if (name == null || terms == null || !terms.isObject()) {
            throw UserFacingException.badInput(
                    file + ": not an Open Terms Archive declaration " + "(needs \"name\" and \"terms\")");
        }
        List<Source> sources = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = terms.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String where = file.getFileName() + " · " + entry.getKey();
            try {
                sources.add(web.source(name, List.of(), entry.getKey(), pages(entry.getValue(), where)));
            } catch (UserFacingException e) {
                sources.add(failing(name + " · " + entry.getKey(), e));
            }
        }
        return sources;
    }

    private static List<Page> pages(JsonNode terms, String where) {
        List<Selector> select = selectors(terms.get("select"), where);
        List<Selector> remove = selectors(terms.get("remove"), where);
        boolean scripts = terms.path("executeClientScripts").asBoolean(false);
        JsonNode fetch = terms.has("combine") ? terms.get("combine") : terms.get("fetch");
        List<Page> pages = new ArrayList<>();
        if (fetch != null && fetch.isTextual()) {
            pages.add(new Page(fetch.asText(), select, remove, scripts));
        } else if (fetch != null && fetch.isArray()) {
            for (JsonNode page : fetch) {
                if (page.isTextual()) {
                    pages.add(new Page(page.asText(), select, remove, scripts));
                } else if (page.hasNonNull("fetch")) {
                    pages.add(new Page(
                            page.get("fetch").asText(),
                            page.has("select") ? selectors(page.get("select"), where) : select,
                            page.has("remove") ? selectors(page.get("remove"), where) : remove,
                            page.has("executeClientScripts")
                                    ? page.get("executeClientScripts").asBoolean()
                                    : scripts));
                }
            }
        }
        if (pages.isEmpty()) {
            throw UserFacingException.badInput(where + ": no page to fetch (\"fetch\" or \"combine\" is missing)");
        }
        pages.forEach(p -> HttpFetcher.checked(p.url()));
        return pages;
    }

    private static List<Selector> selectors(JsonNode node, String where) {
        List<Selector> selectors = new ArrayList<>();
        if (node == null || node.isNull()) {
            return selectors;
        }
        for (JsonNode item : node.isArray() ? node : List.of(node)) {
            if (item.isTextual()) {
                selectors.add(Selector.of(item.asText()));
            } else if (item.isObject()) {
                try {
                    selectors.add(new Selector(
                            null,
                            text(item, "startBefore"),
                            text(item, "startAfter"),
                            text(item, "endBefore"),
                            text(item, "endAfter")));
                } catch (IllegalArgumentException e) {
                    throw UserFacingException.badInput(where + ": " + e.getMessage());
                }
            }
        }
        return selectors;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    static Source failing(String name, UserFacingException e) {
        return new Source(name, null, null, null, null, List.of(), known -> {
            throw e;
        });
    }
}
