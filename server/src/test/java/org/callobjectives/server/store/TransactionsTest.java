package org.callobjectives.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.callobjectives.server.testing.FullDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transaction helper after SQLITE_FULL: the connection is usable again, with no "no transaction
 * is active".
 */
class TransactionsTest {
  @TempDir Path dir;

  @Test
  void aTransactionThatFailsOnAFullDatabaseLeavesTheConnectionReadyForTheNextOne()
      throws Exception {
    Path db = dir.resolve("t.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("CREATE TABLE t (b BLOB)");
      FullDisk.fillFreePages(db);
      s.execute("PRAGMA max_page_count = 1");
      SQLException full =
          assertThrows(
              SQLException.class,
              () ->
                  Transactions.inTransaction(
                      c,
                      conn -> {
                        try (Statement st = conn.createStatement()) {
                          st.execute("INSERT INTO t VALUES (randomblob(100))");
                          st.execute("INSERT INTO t VALUES (randomblob(50000))");
                        }
                        return null;
                      }));
      assertTrue(full.getMessage().contains("full"), full.getMessage());
      assertEquals(0, full.getSuppressed().length, "no second error hides the first");
      assertTrue(c.getAutoCommit());

      s.execute("PRAGMA max_page_count = 1000000");
      Transactions.inTransaction(
          c,
          conn -> {
            try (Statement st = conn.createStatement()) {
              st.execute("INSERT INTO t VALUES (randomblob(50000))");
            }
            return null;
          });
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
        rs.next();
        assertEquals(
            1, rs.getInt(1), "the failed transaction left nothing, the next one committed");
      }
    }
  }
}
