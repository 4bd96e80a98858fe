package org.callobjectives.server.store;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteOpenMode;

/**
 * An online backup of the SQLite file with SQLite's backup API, safe while the server runs and
 * writes: the copy is one consistent snapshot, written beside the target and moved into place only
 * after it passed {@code PRAGMA integrity_check}. PostgreSQL is backed up with {@code pg_dump}:
 * {@link #pgDumpCommand} says how.
 */
public final class DatabaseBackup {
  private DatabaseBackup() {}

  /** What a backup wrote and found in the copy. */
  public record Result(
      Path source,
      Path target,
      long bytes,
      String schemaVersion,
      long calls,
      long dispositions,
      Duration took) {
    public String describe() {
      return String.format(
          Locale.ROOT,
          "backed up %s to %s: %s, schema version %s, integrity_check ok, %d calls, %d dispositions"
              + " (%.1f s)",
          source,
          target,
          size(bytes),
          schemaVersion,
          calls,
          dispositions,
          took.toMillis() / 1000.0);
    }
  }

  /** The backup was not made: the message says why and what to do. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message);
    }
  }

  /**
   * Copies {@code source} to {@code target}. Refuses an existing target unless {@code force}; the
   * target is replaced only by a copy that passed its checks.
   */
  public static Result sqlite(Path source, Path target, boolean force)
      throws Refused, SQLException, IOException {
    long start = System.nanoTime();
    Path src = source.toAbsolutePath().normalize();
    Path dst = target.toAbsolutePath().normalize();
    if (!Files.isRegularFile(src)) {
      throw new Refused("no database at " + src + " (is server.yaml's database: right?)");
    }
    if (Files.isDirectory(dst)) {
      throw new Refused(
          dst
              + " is a folder: give the backup's file name, e.g. "
              + dst.resolve("objectives-" + java.time.LocalDate.now() + ".db"));
    }
    if (Files.exists(dst) && Files.isSameFile(src, dst)) {
      throw new Refused(dst + " is the database itself");
    }
    if (Files.exists(dst) && !force) {
      throw new Refused(dst + " exists: add --force to replace it");
    }
    Path parent = dst.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path partial = dst.resolveSibling("." + dst.getFileName() + ".partial");
    deleteWithSidecars(partial);
    try {
      copy(src, partial);
      Result checked = verify(src, partial, dst, start);
      try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      move(partial, dst, force);
      return new Result(
          src,
          dst,
          checked.bytes(),
          checked.schemaVersion(),
          checked.calls(),
          checked.dispositions(),
          Duration.ofNanos(System.nanoTime() - start));
    } finally {
      deleteWithSidecars(partial);
    }
  }

  /**
   * Copies every page in one step: one read transaction, so the copy is the database as of one
   * commit even while the server writes (WAL mode lets its writes go on meanwhile). A copy in
   * several steps would start over each time another process commits.
   */
  private static void copy(Path src, Path partial) throws SQLException {
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.resetOpenMode(SQLiteOpenMode.CREATE); // never create an empty database at a wrong path
    cfg.setBusyTimeout(10_000);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + src, cfg.toProperties())) {
      int rc =
          c.unwrap(SQLiteConnection.class)
              .getDatabase()
              .backup("main", partial.toString(), null, 100, 100, -1);
      if (rc != 0) {
        throw new SQLException("SQLite backup of " + src + " failed with result code " + rc);
      }
    }
  }

  /**
   * Opens the copy as a database of its own and checks it; makes it a single self-contained file.
   */
  private static Result verify(Path src, Path partial, Path dst, long start)
      throws SQLException, IOException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + partial);
        Statement s = c.createStatement()) {
      // The copy keeps the source's WAL mode; a rollback journal needs no -wal file beside it.
      s.execute("PRAGMA journal_mode=DELETE");
      List<String> problems = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
        while (rs.next()) {
          problems.add(rs.getString(1));
        }
      }
      if (!problems.equals(List.of("ok"))) {
        throw new SQLException(
            "the copy failed PRAGMA integrity_check, nothing was written to "
                + dst
                + ": "
                + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
      }
      long calls = count(s, "calls");
      long dispositions = count(s, "dispositions");
      String version = "?";
      try (ResultSet rs =
          s.executeQuery(
              "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"
                  + " ORDER BY installed_rank DESC LIMIT 1")) {
        if (rs.next()) {
          version = rs.getString(1);
        }
      } catch (SQLException e) {
        version = "unknown (no flyway_schema_history)";
      }
      return new Result(
          src,
          dst,
          Files.size(partial),
          version,
          calls,
          dispositions,
          Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private static long count(Statement s, String table) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void move(Path partial, Path dst, boolean force) throws IOException, Refused {
    try {
      if (force) {
        Files.move(
            partial, dst, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        // No REPLACE_EXISTING: a file that appeared meanwhile is not overwritten.
        Files.move(partial, dst);
      }
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, dst, StandardCopyOption.REPLACE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      throw new Refused(dst + " exists: add --force to replace it");
    }
  }

  private static void deleteWithSidecars(Path file) throws IOException {
    for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
    }
  }

  static String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }

  /** libpq understands these connection parameters of a JDBC URL under the same names. */
  private static final Set<String> LIBPQ_PARAMS =
      Set.of("sslmode", "sslrootcert", "sslcert", "sslkey", "application_name");

  /**
   * The {@code pg_dump} command that backs up {@code db} to {@code target}, password masked as
   * {@code ***} (give it through {@code PGPASSWORD} or {@code ~/.pgpass}).
   */
  public static String pgDumpCommand(DatabaseLocation db, Path target) {
    if (!db.postgres()) {
      throw new IllegalArgumentException("not a PostgreSQL database: " + db);
    }
    URI u = URI.create(db.jdbcUrl().substring("jdbc:".length()));
    String user = null;
    boolean password = false;
    List<String> kept = new ArrayList<>();
    String query = u.getRawQuery();
    if (query != null) {
      for (String param : query.split("&")) {
        String[] kv = param.split("=", 2);
        String key = kv[0];
        if (key.equals("user")) {
          user = kv.length > 1 ? kv[1] : null;
        } else if (key.equals("password")) {
          password = true;
        } else if (LIBPQ_PARAMS.contains(key)) {
          kept.add(param);
        }
      }
    }
    if (u.getRawUserInfo() != null) {
      String[] up = u.getRawUserInfo().split(":", 2);
      user = up[0];
      password |= up.length == 2;
    }
    String authority = u.getRawAuthority();
    int at = authority.lastIndexOf('@');
    String hosts = at >= 0 ? authority.substring(at + 1) : authority;
    String url =
        "postgresql://"
            + (user == null ? "" : user + "@")
            + hosts
            + (u.getRawPath() == null ? "/" : u.getRawPath())
            + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    return (password ? "PGPASSWORD='***' " : "")
        + "pg_dump --format=custom --file="
        + shellQuote(target.toAbsolutePath().normalize().toString())
        + " "
        + shellQuote(url);
  }

  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
