package org.callobjectives.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One server per SQLite file, taken before anything is read or written and held for the life of the
 * process: an exclusive lock on {@code <database>.lock} (the OS drops it when the process dies,
 * even on kill -9); the holder writes its PID into the file so a second server can name it.
 * PostgreSQL is shared by several nodes instead (see {@link LinkLeases}).
 */
public final class DatabaseLock implements AutoCloseable {
  private final Path lockFile;
  private final FileChannel channel;
  private final FileLock lock;

  private DatabaseLock(Path lockFile, FileChannel channel, FileLock lock) {
    this.lockFile = lockFile;
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock of the SQLite file at {@code location} or fails at once. */
  public static DatabaseLock acquire(DatabaseLocation location) throws IOException {
    if (location.postgres()) {
      throw new IllegalArgumentException("several nodes share PostgreSQL: no database lock");
    }
    return acquire(location.file());
  }

  /** The lock file of a database: the database's path with {@code .lock} appended. */
  public static Path lockFileOf(Path database) {
    return Path.of(database.toAbsolutePath() + ".lock");
  }

  /** Takes the lock or fails at once (never waits) with {@link HeldException} naming the holder. */
  public static DatabaseLock acquire(Path database) throws IOException {
    Path lockFile = lockFileOf(database);
    Path parent = lockFile.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    FileChannel ch =
        FileChannel.open(
            lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // this very process holds it already
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    if (lock == null) {
      ch.close();
      throw new HeldException(
          database.toAbsolutePath().toString(),
          "its lock file " + lockFile + " is held",
          holder(lockFile));
    }
    String info =
        "pid "
            + ProcessHandle.current().pid()
            + "\nsince "
            + Instant.now()
            + "\ndatabase "
            + database.toAbsolutePath()
            + "\n";
    ch.truncate(0);
    ch.write(ByteBuffer.wrap(info.getBytes(StandardCharsets.UTF_8)), 0);
    ch.force(false);
    return new DatabaseLock(lockFile, ch, lock);
  }

  private static String holder(Path lockFile) {
    try {
      for (String line : Files.readAllLines(lockFile, StandardCharsets.UTF_8)) {
        if (line.startsWith("pid ")) {
          return line.substring(4).trim();
        }
      }
    } catch (IOException e) {
      // unreadable: the message says so
    }
    return null;
  }

  public Path lockFile() {
    return lockFile;
  }

  @Override
  public void close() throws IOException {
    if (lock.isValid()) {
      lock.release();
    }
    channel.close();
  }

  /** Another process (or this one) holds the lock: the database is in use. */
  public static final class HeldException extends IOException {
    private final String holderPid;

    HeldException(String database, String how, String holderPid) {
      super(
          "database "
              + database
              + " is in use by another server"
              + (holderPid == null ? "" : " (PID " + holderPid + ")")
              + ": "
              + how
              + ". Stop that server first, or give this one another database in server.yaml.");
      this.holderPid = holderPid;
    }

    /** The PID written by the holder, or null. */
    public String holderPid() {
      return holderPid;
    }
  }
}
