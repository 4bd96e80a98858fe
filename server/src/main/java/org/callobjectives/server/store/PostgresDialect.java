package org.callobjectives.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * PostgreSQL, shared by several server nodes. Connections are reopened by {@link Database} after
 * the server restarted or the network dropped; errors of the connection, resources and operator
 * classes pass, those of the data do not.
 */
final class PostgresDialect implements Dialect {
  private final String url;

  PostgresDialect(String url) {
    this.url = url;
  }

  @Override
  public String name() {
    return "PostgreSQL";
  }

  private Connection open(String role, int socketTimeoutSeconds) throws SQLException {
    return openNamed(
        "call-objectives " + role + " pid " + ProcessHandle.current().pid(), socketTimeoutSeconds);
  }

  /** A connection under an application name other nodes look for in {@code pg_stat_activity}. */
  Connection openNamed(String applicationName, int socketTimeoutSeconds) throws SQLException {
    Properties p = new Properties();
    p.setProperty("ApplicationName", applicationName);
    p.setProperty("connectTimeout", "10");
    p.setProperty("tcpKeepAlive", "true");
    // A server that stopped answering must not hold the writer forever: the write fails, the call
    // rows are held and retried, the connection is opened again.
    p.setProperty("socketTimeout", String.valueOf(socketTimeoutSeconds));
    return DriverManager.getConnection(url, p);
  }

  @Override
  public Connection openWriter() throws SQLException {
    return open("writer", 30);
  }

  @Override
  public Connection openReader() throws SQLException {
    Connection c = open("reader", 300);
    c.setReadOnly(true);
    return c;
  }

  @Override
  public String migrate() throws SQLException {
    return Migrations.apply(this, url, "db/postgresql", 0);
  }

  /** The channel that carries "the outbox has new rows" to every node, after the commit. */
  static final String OUTBOX_CHANNEL = "call_objectives_outbox";

  @Override
  public boolean outboxSingleWriter() {
    return false;
  }

  @Override
  public String outboxHorizon() {
    return "pg_snapshot_xmin(pg_current_snapshot())::text::bigint";
  }

  @Override
  public void outboxAppended(Connection c) throws SQLException {
    // The transaction's id: a reader told of it keeps looking until it has read that far. Several
    // notices with the same payload in one transaction arrive as one.
    Transactions.exec(c, "SELECT pg_notify('" + OUTBOX_CHANNEL + "', pg_current_xact_id()::text)");
  }

  @Override
  public Connection openOutboxReader() throws SQLException {
    // Waits for notices up to a second at a time; a query the network swallowed fails after 60 s.
    Connection c = openNamed("call-objectives outbox pid " + ProcessHandle.current().pid(), 60);
    Transactions.exec(c, "LISTEN " + OUTBOX_CHANNEL);
    return c;
  }

  @Override
  public long awaitOutbox(Connection reader, java.util.concurrent.Semaphore local, long millis)
      throws SQLException {
    // Rows appended by this node arrive here too: one wait covers every node.
    var got =
        reader
            .unwrap(org.postgresql.PGConnection.class)
            .getNotifications((int) Math.max(1, millis));
    local.drainPermits();
    long newest = -1;
    for (var n : got == null ? new org.postgresql.PGNotification[0] : got) {
      try {
        newest = Math.max(newest, Long.parseLong(n.getParameter()));
      } catch (NumberFormatException e) {
        newest = Math.max(newest, 0); // a notice from an older version: news, of no transaction
      }
    }
    return newest;
  }

  @Override
  public void durableInTransaction(Connection tx) throws SQLException {
    // An acked disposition waits for the WAL flush even where synchronous_commit is off.
    Transactions.exec(tx, "SET LOCAL synchronous_commit TO on");
  }

  @Override
  public void begin(Connection c) throws SQLException {
    c.setAutoCommit(false);
  }

  @Override
  public void commit(Connection c) throws SQLException {
    c.commit();
    c.setAutoCommit(true);
  }

  @Override
  public boolean isTransient(SQLException e) {
    if (e instanceof StoreUnavailable) {
      return true;
    }
    String state = e.getSQLState();
    if (state == null || state.length() < 2) {
      return true; // no state: the driver lost the connection or timed out
    }
    return switch (state.substring(0, 2)) {
      // connection, transaction rollback (serialization, deadlock), resources (disk full, too
      // many connections), operator intervention (shutdown), system error (I/O)
      case "08", "40", "53", "57", "58" -> true;
      default -> false;
    };
  }
}
