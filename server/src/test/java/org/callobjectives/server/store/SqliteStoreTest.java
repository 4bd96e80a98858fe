package org.callobjectives.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.callobjectives.server.domain.CallOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a real SQLite file, and what only SQLite has: files from before Flyway. */
class SqliteStoreTest extends StoreContract {
  @TempDir Path dir;
  private DatabaseLocation location;

  @BeforeEach
  void file() {
    location = DatabaseLocation.sqlite(dir.resolve("objectives.db"));
  }

  @Override
  DatabaseLocation location() {
    return location;
  }

  @Test
  void aFileFromBeforeFlywayIsTakenOverAtItsVersionAndKeepsItsRows() throws Exception {
    Path db = dir.resolve("old.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      // The schema as Migrations.STEPS 1-3 left it, recorded in user_version.
      for (String v :
          List.of(
              "V1__calls_and_dispositions",
              "V2__caller_history_audit_proposals",
              "V3__call_identities")) {
        String sql =
            new String(
                getClass().getResourceAsStream("/db/sqlite/" + v + ".sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        for (String stmt : sql.split(";")) {
          if (!stmt.replaceAll("--[^\\n]*", "").isBlank()) {
            st.execute(stmt);
          }
        }
      }
      st.execute("PRAGMA user_version = 3");
      st.execute(
          "INSERT INTO calls (call_id, server, direction, outcome, started_at, updated_at,"
              + " objective_id, objective_json) VALUES ('pbx:1', 'pbx', 'inbound', 'COMPLETED', 5,"
              + " 5, 'o', '"
              + StoredObjective.write(OBJ.forCall("demo", null, null), CODES)
              + "')");
    }
    try (Store s = Store.open(db)) {
      List<StatsRow> rows = s.stats().rows(0, 10).get(5, TimeUnit.SECONDS);
      assertEquals(1, rows.size());
      assertEquals("Book a demo", rows.get(0).objectiveTitle(), "V4 filled the new column");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT objective_stage, (SELECT version FROM flyway_schema_history"
                        + " WHERE success ORDER BY installed_rank DESC LIMIT 1) FROM calls")) {
      rs.next();
      assertEquals("demo", rs.getString(1));
      int scripts = new java.io.File(getClass().getResource("/db/sqlite").toURI()).list().length;
      assertEquals(String.valueOf(scripts), rs.getString(2), "every later version applied");
    }
  }

  @Test
  void aDatabaseNewerThanThisServerIsRefusedWithItsVersion() throws Exception {
    Path db = dir.resolve("new.db");
    Store.open(db).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement st = c.createStatement()) {
      st.execute(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, execution_time, success) VALUES"
              + " (99, '99', 'future', 'SQL', 'V99__future.sql', 0, 'x', 0, 1)");
    }
    var e = assertThrows(java.sql.SQLException.class, () -> Store.open(db));
    assertTrue(e.getMessage().contains("99 is newer than this server"), e.getMessage());
  }

  @Test
  void whileTheDatabaseIsLockedCallRowsAreHeldAndDispositionsAreNotAckedThenAllIsWritten()
      throws Exception {
    Path db = dir.resolve("c.db");
    // SQLite only: another connection holds the file, and the writer waits at most 100 ms.
    try (Store s = Store.open(db, 100)) {
      s.calls().upsertCall(call("pbx:1", CallOutcome.CONNECTED)).get();
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
          Statement st = other.createStatement()) {
        st.execute("PRAGMA busy_timeout=100");
        st.execute("BEGIN EXCLUSIVE");
        s.calls().upsertCall(call("pbx:1", CallOutcome.COMPLETED)).get(5, TimeUnit.SECONDS);
        s.calls().upsertCall(call("pbx:3", CallOutcome.CONNECTED)).get(5, TimeUnit.SECONDS);
        assertEquals(2, s.calls().unsavedCalls());
        var e =
            assertThrows(
                ExecutionException.class,
                () ->
                    s.dispositions()
                        .saveDisposition("1001", disposition("pbx:1", "SALE"), (c, d) -> {})
                        .get(5, TimeUnit.SECONDS));
        assertInstanceOf(java.sql.SQLException.class, e.getCause());
        st.execute("ROLLBACK");
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (s.calls().unsavedCalls() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(0, s.calls().unsavedCalls());
      assertFalse(
          s.dispositions()
              .saveDisposition("1001", disposition("pbx:1", "SALE"), (c, d) -> {})
              .get()
              .duplicate());
      String outcome =
          s.database()
              .read(
                  c -> {
                    ResultSet rs =
                        c.createStatement()
                            .executeQuery("SELECT outcome FROM calls WHERE call_id = 'pbx:1'");
                    rs.next();
                    return rs.getString(1);
                  })
              .get();
      assertEquals("COMPLETED", outcome);
      assertTrue(s.failures() > 0);
    }
  }
}
