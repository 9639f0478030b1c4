package dev.policybot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sizes the restructure (#15) set, kept: no class of the main code over 400 lines, no package over 30 files. A
 * class that grows past them is split by what it does, not squeezed.
 */
class CodeSizeTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final int MAX_LINES = 400;
    private static final int MAX_FILES = 30;

    @Test
    void no_class_is_over_400_lines_and_no_package_over_30_files() throws IOException {
        List<String> tooLong = new ArrayList<>();
        Map<Path, Integer> files = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(MAIN)) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                long lines;
                try (Stream<String> text = Files.lines(source)) {
                    lines = text.count();
                }
                if (lines > MAX_LINES) {
                    tooLong.add(MAIN.relativize(source) + " (" + lines + " lines)");
                }
                files.merge(source.getParent(), 1, Integer::sum);
            }
        }
        List<String> tooBig = files.entrySet().stream()
                .filter(e -> e.getValue() > MAX_FILES)
                .map(e -> MAIN.relativize(e.getKey()) + " (" + e.getValue() + " files)")
                .toList();

        assertThat(files).as("main sources found").isNotEmpty();
        assertThat(tooLong).as("classes over %d lines", MAX_LINES).isEmpty();
        assertThat(tooBig).as("packages over %d files", MAX_FILES).isEmpty();
    }
}
