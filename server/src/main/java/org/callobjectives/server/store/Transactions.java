package org.callobjectives.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Explicit BEGIN/COMMIT/ROLLBACK on a connection left in auto-commit mode. After SQLITE_FULL or
 * SQLITE_IOERR SQLite may already have rolled the transaction back itself; the driver's own
 * transaction handling then fails with "cannot commit - no transaction is active" on every later
 * statement. Here a failed transaction always ends with the connection back in auto-commit.
 */
final class Transactions {
  private Transactions() {}

  /**
   * Runs {@code body} in one IMMEDIATE transaction: committed on return, rolled back on any
   * failure.
   */
  static <T> T inTransaction(Connection c, Store.SqlFunction<T> body) throws SQLException {
    exec(c, "BEGIN IMMEDIATE");
    try {
      T result = body.apply(c);
      exec(c, "COMMIT");
      return result;
    } catch (SQLException | RuntimeException e) {
      rollbackIfActive(c, e);
      throw e;
    }
  }

  /**
   * Rolls back unless SQLite already did (then there is nothing to roll back); never hides {@code
   * cause}.
   */
  static void rollbackIfActive(Connection c, Throwable cause) {
    try {
      if (!c.getAutoCommit()) {
        // Someone used the driver's transaction mode: roll that back first (setAutoCommit(true)
        // alone
        // would commit the half-done work), then leave the connection the way this class expects.
        c.rollback();
        c.setAutoCommit(true);
        return;
      }
      exec(c, "ROLLBACK");
    } catch (SQLException e) {
      String m = String.valueOf(e.getMessage());
      if (!m.contains("no transaction is active")) {
        cause.addSuppressed(e);
      }
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
