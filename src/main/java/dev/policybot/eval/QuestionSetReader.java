package dev.policybot.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policybot.domain.UserFacingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads a question set in JSON Lines; a bad line is reported with its file and line number. */
public final class QuestionSetReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QuestionSetReader() {}

    public static List<EvalQuestion> read(Path file) {
        List<EvalQuestion> questions = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    questions.add(parse(file, lineNumber, line));
                }
            }
        } catch (IOException e) {
            throw UserFacingException.badInput("Cannot read the question file " + file + ": " + e.getMessage());
        }
        return questions;
    }

    private static EvalQuestion parse(Path file, int lineNumber, String line) {
        try {
            JsonNode node = JSON.readTree(line);
            List<EvalQuestion.Gold> gold = new ArrayList<>();
            for (JsonNode g : node.path("gold")) {
                gold.add(new EvalQuestion.Gold(required(g, "document"), date(g.path("version")), required(g, "quote")));
            }
            return new EvalQuestion(
                    required(node, "id"),
                    required(node, "question"),
                    text(node.path("service")),
                    text(node.path("category")),
                    date(node.path("asOf")),
                    gold);
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            throw UserFacingException.badInput(
                    file + ":" + lineNumber + ": not a question in the expected format (" + e.getMessage() + ")");
        }
    }

    private static String required(JsonNode node, String field) {
        String value = text(node.path(field));
        if (value == null) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return value;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static LocalDate date(JsonNode node) {
        String text = text(node);
        return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }
}
