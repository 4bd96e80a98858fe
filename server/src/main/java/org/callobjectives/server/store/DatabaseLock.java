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
 * One server per database, taken before anything is read or written and held for the life of the
 * process. SQLite: an exclusive lock on {@code <database>.lock} (the OS drops it when the process
 * dies, even on kill -9); the holder writes its PID into the file so a second server can name it.
 * PostgreSQL: a session advisory lock on a connection of its own (the server drops it when that
 * connection ends); the holder's PID is in its connection's application name.
 */
public final class DatabaseLock implements AutoCloseable {
  /** The advisory lock's key: the same on every node of one database. */
  static final long ADVISORY_KEY = 0x43616c6c4f626aL; // "CallObj"

  private final Path lockFile;
  private final FileChannel channel;
  private final FileLock lock;
  private final java.sql.Connection session;

  private DatabaseLock(Path lockFile, FileChannel channel, FileLock lock) {
    this.lockFile = lockFile;
    this.channel = channel;
    this.lock = lock;
    this.session = null;
  }

  private DatabaseLock(java.sql.Connection session) {
    this.lockFile = null;
    this.channel = null;
    this.lock = null;
    this.session = session;
  }

  /** Takes the lock of {@code location} or fails at once with {@link HeldException}. */
  public static DatabaseLock acquire(DatabaseLocation location) throws IOException {
    if (!location.postgres()) {
      return acquire(location.file());
    }
    java.sql.Connection c = session(location);
    HeldException held = tryLock(c, location);
    if (held == null) {
      return new DatabaseLock(c);
    }
    closeQuietly(c);
    throw held;
  }

  /**
   * Several nodes on one PostgreSQL database: waits until this node holds the lock (the active
   * node's session ends: it stopped, died or lost the database), telling {@code waiting} who holds
   * it each time that changes. SQLite: as {@link #acquire(DatabaseLocation)}, never waits.
   */
  public static DatabaseLock awaitActive(
      DatabaseLocation location,
      java.util.function.Consumer<HeldException> waiting,
      long pollMillis)
      throws IOException, InterruptedException {
    if (!location.postgres()) {
      return acquire(location.file());
    }
    String told = null;
    java.sql.Connection c = null;
    while (true) {
      try {
        if (c == null) {
          c = session(location);
        }
        HeldException held = tryLock(c, location);
        if (held == null) {
          return new DatabaseLock(c);
        }
        if (!held.getMessage().equals(told)) {
          told = held.getMessage();
          waiting.accept(held);
        }
      } catch (IOException e) {
        closeQuietly(c);
        c = null;
        if (!e.getMessage().equals(told)) {
          told = e.getMessage();
          waiting.accept(new HeldException("waiting for the database: " + e.getMessage(), null));
        }
      }
      Thread.sleep(pollMillis);
    }
  }

  private static java.sql.Connection session(DatabaseLocation location) throws IOException {
    try {
      return new PostgresDialect(location.jdbcUrl()).openSession("active");
    } catch (java.sql.SQLException e) {
      throw new IOException("cannot reach database " + location + ": " + e.getMessage(), e);
    }
  }

  /** Null when this session now holds the lock, else who does. */
  private static HeldException tryLock(java.sql.Connection c, DatabaseLocation location)
      throws IOException {
    try {
      try (var ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        ps.setLong(1, ADVISORY_KEY);
        try (var rs = ps.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            return null;
          }
        }
      }
      String holder = null;
      String from = "";
      try (var ps =
          c.prepareStatement(
              "SELECT a.application_name, a.client_addr FROM pg_locks l"
                  + " JOIN pg_stat_activity a ON a.pid = l.pid"
                  + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                  + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                  + " AND ((l.classid::bigint << 32) | l.objid::bigint) = ?")) {
        ps.setLong(1, ADVISORY_KEY);
        try (var rs = ps.executeQuery()) {
          if (rs.next() && rs.getString(1) != null) {
            var m = java.util.regex.Pattern.compile("pid (\\d+)").matcher(rs.getString(1));
            holder = m.find() ? m.group(1) : null;
            from = rs.getString(2) == null ? "" : " on " + rs.getString(2);
          }
        }
      }
      return new HeldException(
          "the node"
              + (holder == null ? "" : " with PID " + holder)
              + from
              + " is active on "
              + location
              + " (it holds the advisory lock)",
          holder);
    } catch (java.sql.SQLException e) {
      throw new IOException("cannot lock database " + location + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(java.sql.Connection c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (java.sql.SQLException e) {
      // the error that matters was reported already
    }
  }

  /**
   * PostgreSQL: checks every {@code everyMillis} that the session holding the lock is alive, and
   * runs {@code onLost} once if it is not (the database dropped it, so another node may be active
   * now). SQLite: the OS holds the lock; nothing to watch.
   */
  public void watch(long everyMillis, Runnable onLost) {
    if (session == null) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              while (true) {
                try {
                  Thread.sleep(everyMillis);
                  if (!session.isValid(5)) {
                    throw new java.sql.SQLException("connection not valid");
                  }
                } catch (InterruptedException e) {
                  return;
                } catch (java.sql.SQLException e) {
                  if (!closing) {
                    onLost.run();
                  }
                  return;
                }
              }
            },
            "active-lease-watch");
    t.setDaemon(true);
    t.start();
  }

  private volatile boolean closing;

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

  /** The lock file (SQLite), or null (PostgreSQL). */
  public Path lockFile() {
    return lockFile;
  }

  @Override
  public void close() throws IOException {
    closing = true;
    if (session != null) {
      try {
        session.close(); // ends the session: PostgreSQL drops its advisory locks
      } catch (java.sql.SQLException e) {
        throw new IOException(e);
      }
      return;
    }
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

    /** As a standby sees it: who is active; nothing to fix. */
    private HeldException(String message, String holderPid) {
      super(message);
      this.holderPid = holderPid;
    }

    /** The PID written by the holder, or null. */
    public String holderPid() {
      return holderPid;
    }
  }
}
