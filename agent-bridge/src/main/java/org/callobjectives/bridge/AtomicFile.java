package org.callobjectives.bridge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Durable file writes: a whole file replaced atomically, or bytes appended, each fsync'd. */
final class AtomicFile {

  private static final Logger log = LoggerFactory.getLogger(AtomicFile.class);

  private AtomicFile() {}

  /**
   * Replaces {@code file} with {@code bytes}: written to a temporary sibling, fsync'd, renamed over
   * the file (atomically where the file system can) and the directory fsync'd, so the file is
   * always either the old or the new content.
   */
  static void replace(Path file, byte[] bytes) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    write(tmp, bytes, StandardOpenOption.TRUNCATE_EXISTING);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    fsyncDirectory(file);
  }

  /** Appends {@code bytes} to {@code file} (created if missing) and fsyncs it before returning. */
  static void append(Path file, byte[] bytes) throws IOException {
    boolean created = !Files.exists(file);
    write(file, bytes, StandardOpenOption.APPEND);
    if (created) {
      fsyncDirectory(file);
    }
  }

  private static void write(Path path, byte[] bytes, StandardOpenOption mode) throws IOException {
    try (FileChannel ch =
        FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
  }

  private static void fsyncDirectory(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null) {
      return;
    }
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not every platform lets a directory be opened or synced (Windows); the data itself is.
      log.debug("cannot fsync directory {}: {}", dir, e.toString());
    }
  }
}
