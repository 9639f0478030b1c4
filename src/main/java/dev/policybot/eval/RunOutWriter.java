package dev.policybot.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policybot.domain.ScoredClause;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one JSON line per question and system, {@code {"id","system","results":[{"clauseId","document","version",
 * "text"}]}} in rank order, so anyone can rescore a run independently.
 */
public final class RunOutWriter implements AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final BufferedWriter out;

    public RunOutWriter(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public synchronized void write(EvalRun run) {
        ObjectNode line = json.createObjectNode();
        line.put("id", run.question().id());
        line.put("system", run.system());
        ArrayNode results = line.putArray("results");
        for (ScoredClause hit : run.results()) {
            ObjectNode r = results.addObject();
            r.put("clauseId", hit.clause().id());
            r.put("document", hit.clause().documentKey());
            r.put("version", hit.clause().version().toString());
            r.put("text", hit.clause().text());
        }
        try {
            out.write(json.writeValueAsString(line));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
