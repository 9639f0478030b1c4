package dev.policybot.reindex;

import dev.policybot.domain.UserFacingException;
import dev.policybot.domain.port.Reindexer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reindex at a time per index folder, across processes (the CLI while the bot runs) and within one (the
 * scheduled check while a moderator's {@code /reindex} runs): an exclusive lock on {@code index/.reindex.lock},
 * held for the whole reindex. A reindex asked for meanwhile does not wait; it is told since when the other runs.
 */
public final class ReindexLock {
    static final String FILE = ".reindex.lock";
    private static final Logger LOG = LoggerFactory.getLogger(ReindexLock.class);
    /** Index folders this process reindexes now. */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path indexDir;
    private final Clock clock;

    public ReindexLock(Path indexDir, Clock clock) {
        this.indexDir = indexDir;
        this.clock = clock;
    }

    /** The reindexer, run only while this process holds the lock. */
    public Reindexer around(Reindexer reindexer) {
        return (platform, progress) -> {
            Path key = indexDir.toAbsolutePath().normalize();
            // checked before a channel is opened: closing any channel of the file would drop this process's lock
            if (!HELD_HERE.add(key)) {
                throw running(since(key.resolve(FILE)));
            }
            try (FileChannel channel = open();
                    FileLock held = tryLock(channel)) {
                if (held == null) {
                    throw running(since(key.resolve(FILE)));
                }
                writeStart(channel);
                LOG.debug("Holding {}", indexDir.resolve(FILE));
                return reindexer.reindex(platform, progress);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + indexDir.resolve(FILE), e);
            } finally {
                HELD_HERE.remove(key);
            }
        };
    }

    private FileChannel open() throws IOException {
        Files.createDirectories(indexDir);
        return FileChannel.open(
                indexDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** The lock, or {@code null} when another process, or another thread of this one, holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** The file says when the holder started, so that the one refused can say so. */
    private void writeStart(FileChannel channel) throws IOException {
        byte[] started = clock.instant().toString().getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(started), 0);
        channel.force(true);
    }

    /** When the holder started, as it wrote it (locks are advisory, so the file can be read). */
    private static String since(Path file) {
        try {
            String since = Files.readString(file, StandardCharsets.UTF_8).strip();
            return since.isEmpty() || since.length() > 64 ? "a moment ago" : since;
        } catch (IOException e) {
            return "a moment ago";
        }
    }

    private static UserFacingException running(String since) {
        return UserFacingException.failure(
                "A reindex is running since " + since + "; try again when it has finished.", null);
    }
}
