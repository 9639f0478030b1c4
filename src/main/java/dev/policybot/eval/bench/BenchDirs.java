package dev.policybot.eval.bench;

import dev.policybot.domain.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The benchmark's working folders: made empty, deleted, measured. */
final class BenchDirs {
    private BenchDirs() {}

    static Path fresh(Path dir) {
        delete(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw UserFacingException.failure("Cannot create the benchmark folder " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double sizeMb(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile)
                            .mapToLong(p -> p.toFile().length())
                            .sum()
                    / 1048576.0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
