package dev.policybot.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes files so that a reader sees either the old content or the new, never half: temp file, fsync, rename. */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes a file that must not exist yet; fails with {@link FileAlreadyExistsException} rather than replace it. */
    static void create(Path file, byte[] content) throws IOException {
        Path temp = writeTemp(file, content);
        try {
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            move(temp, file, false);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes or replaces a file. */
    public static void replace(Path file, byte[] content) throws IOException {
        Path temp = writeTemp(file, content);
        try {
            move(temp, file, true);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path writeTemp(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try (FileChannel channel =
                FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        return temp;
    }

    private static void move(Path temp, Path file, boolean replace) throws IOException {
        try {
            if (replace) {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            if (replace) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temp, file);
            }
        }
        syncDirectory(file.toAbsolutePath().getParent());
    }

    /** Makes the rename durable: without it a power loss can undo it (a no-op where folders cannot be opened). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; its renames are durable as they are
        }
    }
}
