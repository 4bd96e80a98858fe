package org.callobjectives.server.store;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Runs one read-only SQL query on the database file and prints a table, for admins without sqlite3.
 */
public final class ReadOnlyQuery {
  private ReadOnlyQuery() {}

  public static void print(Path db, String sql, PrintStream out) throws SQLException {
    print(db, sql, out, 40);
  }

  /**
   * Prints the result as a table; values longer than {@code maxWidth} are cut ({@code 0}: never).
   */
  public static void print(Path db, String sql, PrintStream out, int maxWidth) throws SQLException {
    print(DatabaseLocation.sqlite(db), sql, out, maxWidth);
  }

  /** The same on either database; PostgreSQL runs it in a read-only transaction. */
  public static void print(DatabaseLocation db, String sql, PrintStream out, int maxWidth)
      throws SQLException {
    int max = maxWidth <= 0 ? Integer.MAX_VALUE : Math.max(4, maxWidth);
    try (Connection c = open(db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      List<String[]> rows = new ArrayList<>();
      String[] head = new String[n];
      for (int i = 0; i < n; i++) {
        head[i] = md.getColumnLabel(i + 1);
      }
      rows.add(head);
      while (rs.next()) {
        String[] r = new String[n];
        for (int i = 0; i < n; i++) {
          r[i] = String.valueOf(rs.getObject(i + 1));
        }
        rows.add(r);
      }
      int[] w = new int[n];
      for (String[] r : rows) {
        for (int i = 0; i < n; i++) {
          w[i] = Math.min(max, Math.max(w[i], r[i].length()));
        }
      }
      for (int k = 0; k < rows.size(); k++) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
          String v = rows.get(k)[i];
          if (v.length() > max) {
            v = v.substring(0, max - 3) + "...";
          }
          sb.append(String.format("%-" + w[i] + "s", v)).append(i + 1 < n ? " | " : "");
        }
        out.println(sb.toString().stripTrailing());
        if (k == 0) {
          out.println("-".repeat(sb.length()));
        }
      }
      out.println("(" + (rows.size() - 1) + " rows)");
    }
  }

  private static Connection open(DatabaseLocation db) throws SQLException {
    if (db.postgres()) {
      Connection c = DriverManager.getConnection(db.jdbcUrl());
      c.setReadOnly(true);
      c.setAutoCommit(false);
      return c;
    }
    if (!Files.exists(db.file())) {
      throw new SQLException(
          "no database at " + db.file().toAbsolutePath() + " (start the server first)");
    }
    SQLiteConfig cfg = new SQLiteConfig();
    cfg.setReadOnly(true);
    return DriverManager.getConnection("jdbc:sqlite:" + db.file(), cfg.toProperties());
  }
}
