package org.callobjectives.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One transaction helper for every repository. On SQLite it issues BEGIN IMMEDIATE/COMMIT on a
 * connection left in auto-commit mode: after SQLITE_FULL or SQLITE_IOERR SQLite may already have
 * rolled the transaction back itself, and the driver's own transaction handling then fails with
 * "cannot commit - no transaction is active" on every later statement. A failed transaction always
 * ends with the connection back in auto-commit.
 */
final class Transactions {
  private Transactions() {}

  /**
   * Runs {@code body} in one IMMEDIATE transaction: committed on return, rolled back on any
   * failure.
   */
  static <T> T inTransaction(Connection c, Database.SqlFunction<T> body) throws SQLException {
    return run(c, () -> exec(c, "BEGIN IMMEDIATE"), () -> exec(c, "COMMIT"), body);
  }

  /**
   * Runs {@code body} in one transaction of {@code dialect}: committed on return, else rolled back.
   */
  static <T> T inTransaction(Connection c, Dialect dialect, Database.SqlFunction<T> body)
      throws SQLException {
    return run(c, () -> dialect.begin(c), () -> dialect.commit(c), body);
  }

  private interface Step {
    void run() throws SQLException;
  }

  private static <T> T run(Connection c, Step begin, Step commit, Database.SqlFunction<T> body)
      throws SQLException {
    begin.run();
    try {
      T result = body.apply(c);
      commit.run();
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
        // The driver's transaction mode (PostgreSQL, or someone on SQLite): roll that back first
        // (setAutoCommit(true) alone would commit the half-done work), then leave the connection
        // in auto-commit.
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

  static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
