package dev.policybot.reindex;

import dev.policybot.domain.ReindexReport;
import dev.policybot.domain.port.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The child process of {@link ReindexLockTest}: holds the reindex lock of an index folder, says so with a file, and
 * lets go when the parent creates the release file (or after a minute, so it never outlives the test).
 */
public final class ReindexLockHolder {
    private ReindexLockHolder() {}

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        Path holding = Path.of(args[1]);
        Path release = Path.of(args[2]);
        new ReindexLock(index, Clock.systemUTC())
                .around((platform, progress) -> {
                    try {
                        Files.writeString(holding, "holding");
                        long deadline =
                                System.nanoTime() + Duration.ofMinutes(1).toNanos();
                        while (!Files.exists(release) && System.nanoTime() < deadline) {
                            Thread.sleep(10);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return new ReindexReport(List.of(), 0, Duration.ZERO);
                })
                .reindex(null, ProgressListener.NONE);
    }
}
