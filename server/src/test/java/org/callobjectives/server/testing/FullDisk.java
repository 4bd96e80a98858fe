package org.callobjectives.server.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes a SQLite file full without root: every free page used up, so a writer capped by
 * max_page_count gets SQLITE_FULL.
 */
public final class FullDisk {
  private FullDisk() {}

  /**
   * Fills the file's free pages (in a table of its own) on a connection capped at the current size.
   */
  public static void fillFreePages(Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout=5000");
      s.execute("CREATE TABLE IF NOT EXISTS test_filler (b BLOB)");
      s.execute("PRAGMA max_page_count = 1"); // clamped to the current size: no new page
      for (int size : new int[] {4000, 1000, 200, 20}) {
        try {
          while (true) {
            s.execute("INSERT INTO test_filler VALUES (randomblob(" + size + "))");
          }
        } catch (SQLException full) {
          if (!String.valueOf(full.getMessage()).contains("full")) {
            throw full;
          }
        }
      }
    }
  }
}
