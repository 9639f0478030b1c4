package dev.policybot.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a YAML (or JSON) file into a record, turning every parse or mapping failure into one
 * {@link ConfigException} that names the file, the line and the key. A file holding a secret is refused when every
 * user may read it, and values that look like secrets are masked in messages ({@link Secrets}).
 */
public final class YamlFiles {
    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));
    private static final ObjectMapper JSON = configure(new ObjectMapper());

    private YamlFiles() {}

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public static <T> T read(Path file, Class<T> type) {
        return read(file, type, file.getFileName().toString().endsWith(".json") ? JSON : YAML);
    }

    private static <T> T read(Path file, Class<T> type, ObjectMapper mapper) {
        byte[] bytes = null;
        try {
            bytes = Files.readAllBytes(file);
            Secrets.refuseIfWorldReadable(file, new String(bytes, StandardCharsets.UTF_8));
            T value = mapper.readValue(bytes, type);
            if (value == null) {
                throw new ConfigException(file + ": the file is empty");
            }
            return value;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (JsonProcessingException e) {
            // the parser's own message may quote the offending value, so the cause is not kept
            throw new ConfigException(Secrets.redact(describe(file, e, bytes)));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** "file, line N, key a.b: what was wrong". */
    static String describe(Path file, JsonProcessingException e, byte[] bytes) {
        StringBuilder message = new StringBuilder(file.toString());
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message.append(", line ").append(lineOf(e, location.getLineNr(), bytes));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String key = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            message.append(", key ").append(key);
        }
        message.append(": ");
        if (e instanceof UnrecognizedPropertyException unknown) {
            message.append("unknown key '").append(unknown.getPropertyName()).append("'");
            if (unknown.getKnownPropertyIds() != null
                    && !unknown.getKnownPropertyIds().isEmpty()) {
                message.append(" (known: ")
                        .append(unknown.getKnownPropertyIds().stream()
                                .map(String::valueOf)
                                .sorted()
                                .collect(Collectors.joining(", ")))
                        .append(")");
            }
        } else {
            message.append(e.getOriginalMessage().lines().findFirst().orElse("malformed"));
        }
        return message.toString();
    }

    /**
     * The parser reports the position after the offending token; for a named key, walk back to the line that holds it.
     */
    private static int lineOf(JsonProcessingException e, int reportedLine, byte[] bytes) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty() || bytes == null) {
            return reportedLine;
        }
        String key = mapping.getPath().get(mapping.getPath().size() - 1).getFieldName();
        if (key == null) {
            return reportedLine;
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R", -1);
        Pattern keyLine = Pattern.compile("^\\s*(-\\s+)?[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
        for (int line = Math.min(reportedLine, lines.length); line >= 1; line--) {
            if (keyLine.matcher(lines[line - 1]).find()) {
                return line;
            }
        }
        return reportedLine;
    }

    /** The mapper for JSON files we read and write ourselves (archive state, question sets, caches). */
    public static ObjectMapper json() {
        return JSON;
    }
}
