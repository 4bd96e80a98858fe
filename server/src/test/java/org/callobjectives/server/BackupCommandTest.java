package org.callobjectives.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.callobjectives.server.config.ConfigException;
import org.callobjectives.server.config.ConfigLoader;
import org.callobjectives.server.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup}: SQLite's online backup of a real database file while another connection keeps
 * committing, checked copies, no overwrite without {@code --force}; pg_dump advice on PostgreSQL.
 * (The distribution's test does the same through bin/call-objectives against a running server.)
 */
class BackupCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run backup(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.backup(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The server's schema (Flyway), then the file is the writer's alone. */
  private Path database() throws Exception {
    Path db = dir.resolve("data").resolve("objectives.db");
    Store.open(db).close();
    return db;
  }

  private static long count(Path db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String integrity(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void copiesWhileAnotherConnectionCommitsAndEachCopyIsOneConsistentSnapshot() throws Exception {
    Path db = database();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong committed = new AtomicLong();
    List<Throwable> writerErrors = new ArrayList<>();
    // Each transaction stores a call and its disposition: a copy that mixed two moments would
    // hold a call without its disposition (or the other way round).
    Thread writer =
        new Thread(
            () -> {
              try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                try (Statement s = c.createStatement()) {
                  s.execute("PRAGMA journal_mode=WAL");
                  s.execute("PRAGMA busy_timeout=10000");
                }
                c.setAutoCommit(false);
                PreparedStatement call =
                    c.prepareStatement(
                        "INSERT INTO calls (call_id, server, direction, outcome, started_at,"
                            + " updated_at) VALUES (?, 'pbx', 'queue', 'COMPLETED', 1, 1)");
                PreparedStatement disposition =
                    c.prepareStatement(
                        "INSERT INTO dispositions (call_id, agent_id, code, advance_obtained,"
                            + " notes, created_at) VALUES (?, '1001', 'ADVANCE', 1, ?, 1)");
                String pad = "x".repeat(2000); // grows the file past many pages
                for (long i = 0; !stop.get(); i++) {
                  call.setString(1, "call-" + i);
                  call.executeUpdate();
                  disposition.setString(1, "call-" + i);
                  disposition.setString(2, pad);
                  disposition.executeUpdate();
                  c.commit();
                  committed.incrementAndGet();
                }
              } catch (Throwable t) {
                writerErrors.add(t);
              }
            },
            "writer");
    writer.start();
    long lastCopy = 0;
    try {
      while (committed.get() < 500) {
        Thread.sleep(10);
      }
      for (int i = 0; i < 3; i++) {
        long before = committed.get();
        Path copy = dir.resolve("backups").resolve("copy-" + i + ".db");
        Run r = backup("--db", db.toString(), copy.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("integrity_check ok"), r.out());
        assertEquals("ok", integrity(copy));
        long calls = count(copy, "SELECT count(*) FROM calls");
        long dispositions = count(copy, "SELECT count(*) FROM dispositions");
        assertEquals(calls, dispositions, "one snapshot: every call with its disposition");
        assertEquals(
            0,
            count(
                copy,
                "SELECT count(*) FROM dispositions d LEFT JOIN calls c USING (call_id)"
                    + " WHERE c.call_id IS NULL"));
        assertTrue(dispositions >= before, dispositions + " rows, " + before + " before");
        assertTrue(dispositions >= lastCopy);
        assertTrue(r.out().contains(dispositions + " dispositions"), r.out());
        // A file of its own: no -wal needed beside it, and nothing left behind.
        assertFalse(Files.exists(Path.of(copy + "-wal")));
        try (var files = Files.list(copy.getParent())) {
          assertEquals(i + 1, files.count(), "only the copies: no partial, journal or WAL files");
        }
        lastCopy = dispositions;
      }
    } finally {
      stop.set(true);
      writer.join(10_000);
    }
    assertTrue(writerErrors.isEmpty(), () -> "the writer failed: " + writerErrors);
    assertTrue(
        count(db, "SELECT count(*) FROM dispositions") > lastCopy,
        "the writer went on committing while the backups ran");
  }

  @Test
  void refusesToOverwriteWithoutForce() throws Exception {
    Path db = database();
    Path target = dir.resolve("backup.db");
    Files.writeString(target, "keep me");
    Run refused = backup("--db", db.toString(), target.toString());
    assertEquals(1, refused.code());
    assertTrue(refused.err().contains("exists: add --force"), refused.err());
    assertEquals("keep me", Files.readString(target));

    Run forced = backup("--db", db.toString(), "--force", target.toString());
    assertEquals(0, forced.code(), forced.err());
    assertEquals("ok", integrity(target));
    assertEquals(0, count(target, "SELECT count(*) FROM dispositions"));
    try (var files = Files.list(dir)) {
      assertTrue(
          files.noneMatch(p -> p.getFileName().toString().contains(".partial")),
          "no partial copy left behind");
    }
  }

  @Test
  void readsTheDatabaseFromServerYamlAndRefusesAMissingOne() throws Exception {
    Path db = database();
    Path config = Files.createDirectories(dir.resolve("config"));
    Files.writeString(config.resolve("server.yaml"), "database: " + db + "\n");
    Path target = dir.resolve("from-config.db");
    Run r = backup("--config", config.toString(), target.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("backed up " + db + " to " + target), r.out());

    Run missingConfig = backup("--config", dir.resolve("nowhere").toString(), "x.db");
    assertEquals(1, missingConfig.code());
    assertTrue(
        missingConfig.err().contains(dir.resolve("nowhere").resolve("server.yaml").toString()),
        missingConfig.err());

    Run noDatabase = backup("--db", dir.resolve("none.db").toString(), "y.db");
    assertEquals(1, noDatabase.code());
    assertTrue(noDatabase.err().contains("no database at"), noDatabase.err());
    assertFalse(Files.exists(dir.resolve("none.db")), "no empty database created");

    assertEquals(2, backup("--db", db.toString()).code(), "no target: usage");
  }

  @Test
  void onPostgresqlItPrintsThePgDumpCommandWithThePasswordMasked() {
    Run r =
        backup(
            "--db",
            "postgresql://callobj:s3cret@db.example.com:5432/callobjectives?sslmode=require",
            "/var/backups/objectives.dump");
    assertEquals(1, r.code());
    assertTrue(
        r.err()
            .contains(
                "PGPASSWORD='***' pg_dump --format=custom --file='/var/backups/objectives.dump'"
                    + " 'postgresql://callobj@db.example.com:5432/callobjectives?sslmode=require'"),
        r.err());
    assertFalse(r.err().contains("s3cret"), r.err());
    assertTrue(r.out().isEmpty());
  }

  @Test
  void aMissingServerYamlNamesTheFileAndHowToGiveAnother() throws Exception {
    Path config = Files.createDirectories(dir.resolve("config"));
    for (String f : new String[] {"agents.yaml", "objectives.yaml"}) {
      Files.copy(Path.of("..", "config", f), config.resolve(f));
    }
    ConfigException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ConfigException.class, () -> ConfigLoader.requireServerFile(config));
    assertEquals(config.resolve("server.yaml"), e.file());
    assertTrue(e.getMessage().startsWith(config.resolve("server.yaml") + ": not found"));
    assertTrue(e.getMessage().contains("--config DIR"), e.getMessage());
    assertTrue(e.getMessage().contains("CALL_OBJECTIVES_CONFIG"), e.getMessage());
    // The server stops there, before it binds a port or opens a database.
    assertEquals(1, Main.run(List.of("--config", config.toString())));
    assertFalse(Files.exists(dir.resolve("data")));
  }
}
