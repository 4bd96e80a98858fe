package org.callobjectives.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: one SQLite file in WAL mode, written by one server. After an outage, or
 * while the disk is nearly full, the WAL is checkpointed and truncated so that it cannot grow back
 * into the little space there is.
 */
final class SqliteDialect implements Dialect {
  private static final Logger log = LoggerFactory.getLogger(Store.class);
  static final long LOW_SPACE_BYTES = 64L * 1024 * 1024;
  private static final long LOW_SPACE_CHECKPOINT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final Path file;
  private final int busyTimeoutMs;
  // Found once the file exists; writer-thread confined.
  private java.nio.file.FileStore fileStore;
  // Writer-thread confined.
  private boolean truncateWalDue;
  private long lastLowSpaceCheckpoint = System.nanoTime() - LOW_SPACE_CHECKPOINT_EVERY_NANOS;
  private volatile long walTruncations;

  /** The WAL size as the writer last saw it: /health answers on an event loop, off the disk. */
  private volatile long walBytesSeen;

  SqliteDialect(Path file, int busyTimeoutMs) {
    this.file = file;
    this.busyTimeoutMs = busyTimeoutMs;
  }

  private static java.nio.file.FileStore fileStoreOf(Path file) {
    try {
      return Files.getFileStore(file.toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public String name() {
    return "SQLite";
  }

  private String url() {
    return "jdbc:sqlite:" + file;
  }

  private void createFolder() throws SQLException {
    Path parent = file.toAbsolutePath().getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new SQLException("cannot create the database folder " + parent + ": " + e, e);
    }
  }

  @Override
  public Connection openWriter() throws SQLException {
    createFolder();
    Connection c = DriverManager.getConnection(url());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=NORMAL");
      s.execute("PRAGMA foreign_keys=ON");
      s.execute("PRAGMA busy_timeout=" + busyTimeoutMs);
      // A checkpoint that resets the WAL also shrinks its file: a burst never leaves a big WAL.
      s.execute("PRAGMA journal_size_limit=" + (4L * 1024 * 1024));
    }
    return c;
  }

  @Override
  public Connection openReader() throws SQLException {
    Connection r = DriverManager.getConnection(url());
    try (Statement s = r.createStatement()) {
      s.execute("PRAGMA query_only=1");
      s.execute("PRAGMA busy_timeout=" + busyTimeoutMs);
    }
    return r;
  }

  @Override
  public String migrate() throws SQLException {
    // Files made before Flyway kept their version in PRAGMA user_version (steps 1-3, the same as
    // V1-V3): Flyway takes them over at that version.
    createFolder();
    int before;
    try (Connection c = DriverManager.getConnection(url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      before = rs.next() ? rs.getInt(1) : 0;
    }
    String version = Migrations.apply(this, url(), "db/sqlite", before);
    if (before < FLYWAY_MANAGED) {
      // Servers from before Flyway read PRAGMA user_version and refuse a newer one: they must not
      // run on a file whose schema they do not know.
      try (Connection c = DriverManager.getConnection(url());
          Statement s = c.createStatement()) {
        s.execute("PRAGMA user_version = " + FLYWAY_MANAGED);
      }
    }
    return version;
  }

  /** user_version of a file Flyway manages: above every pre-Flyway server's own version. */
  static final int FLYWAY_MANAGED = 1000;

  @Override
  public void begin(Connection c) throws SQLException {
    Transactions.exec(c, "BEGIN IMMEDIATE");
  }

  @Override
  public void commit(Connection c) throws SQLException {
    Transactions.exec(c, "COMMIT");
  }

  @Override
  public boolean isTransient(SQLException e) {
    if (e instanceof StoreUnavailable) {
      return true;
    }
    if (e instanceof org.sqlite.SQLiteException s) {
      int primary = s.getResultCode().code & 0xff;
      // ERROR (a bad statement), TOOBIG, CONSTRAINT, MISMATCH, MISUSE, RANGE: the row or the code
      // is at fault.
      return !(primary == 1
          || primary == 18
          || primary == 19
          || primary == 20
          || primary == 21
          || primary == 25);
    }
    return true;
  }

  @Override
  public void durableCommitStarts(Connection writer) throws SQLException {
    Transactions.exec(writer, "PRAGMA synchronous=FULL");
  }

  @Override
  public void durableCommitEnded(Connection writer) {
    try {
      Transactions.exec(writer, "PRAGMA synchronous=NORMAL");
    } catch (SQLException e) {
      log.debug("synchronous=NORMAL not restored: {}", e.toString());
    }
  }

  @Override
  public void outageEnded() {
    truncateWalDue = true;
  }

  @Override
  public void tick(Connection writer, boolean caughtUp) {
    if (caughtUp && (truncateWalDue || lowOnSpaceCheckpointDue())) {
      truncateWal(writer);
    }
    walBytesSeen = walBytes();
  }

  /**
   * While the disk is nearly full the WAL is truncated now and then, not at every tick: a TRUNCATE
   * checkpoint waits for readers (busy timeout), and a long report must not stall acks every
   * second.
   */
  private boolean lowOnSpaceCheckpointDue() {
    long now = System.nanoTime();
    if (now - lastLowSpaceCheckpoint < LOW_SPACE_CHECKPOINT_EVERY_NANOS || !lowOnSpace()) {
      return false;
    }
    lastLowSpaceCheckpoint = now;
    return true;
  }

  private boolean lowOnSpace() {
    if (fileStore == null) {
      fileStore = fileStoreOf(file);
    }
    try {
      return fileStore != null && fileStore.getUsableSpace() < LOW_SPACE_BYTES && walBytes() > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Size of the write-ahead log file (0 when absent or truncated). */
  long walBytes() {
    try {
      Path wal = Path.of(file + "-wal");
      return Files.exists(wal) ? Files.size(wal) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private void truncateWal(Connection writer) {
    try (Statement s = writer.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
      if (rs.next() && rs.getInt(1) == 0) {
        if (truncateWalDue) {
          log.info("write-ahead log checkpointed and truncated after the outage");
        }
        truncateWalDue = false;
        walTruncations++;
      }
    } catch (SQLException e) {
      // A full disk can fail the checkpoint too; the next tick tries again.
      log.debug("WAL checkpoint failed: {}", e.toString());
    }
  }

  @Override
  public Map<String, Object> health() {
    return Map.of("walBytes", walBytesSeen, "walTruncations", walTruncations);
  }
}
