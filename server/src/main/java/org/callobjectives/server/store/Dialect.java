package org.callobjectives.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * What differs between the databases the store runs on: connecting, migrating, transactions, which
 * errors pass, and housekeeping. The repositories' SQL is the same on all of them.
 */
interface Dialect {
  /** For logs and /health: "SQLite", "PostgreSQL". */
  String name();

  /** The connection every write goes through (one writer thread). */
  Connection openWriter() throws SQLException;

  /** A read-only connection for reports, beside the writer. */
  Connection openReader() throws SQLException;

  /** Brings the schema to this server's version; returns the version now in force. */
  String migrate() throws SQLException;

  void begin(Connection c) throws SQLException;

  void commit(Connection c) throws SQLException;

  /**
   * Full, I/O error, busy, connection lost...: the database, not the row; worth trying again later.
   */
  boolean isTransient(SQLException e);

  /** Around the commit of an acked disposition: it must survive a power cut, not only a crash. */
  default void durableCommitStarts(Connection writer) throws SQLException {}

  default void durableCommitEnded(Connection writer) throws SQLException {}

  /** First thing in the transaction of an acked disposition (a server-wide setting may be off). */
  default void durableInTransaction(Connection tx) throws SQLException {}

  /** Every second on the writer thread; {@code caughtUp}: no held row waits. */
  default void tick(Connection writer, boolean caughtUp) {}

  /** Writes succeed again and no row waits: a database may tidy up after the outage. */
  default void outageEnded() {}

  /** Figures of this database for /health (for SQLite: the WAL's size). */
  default Map<String, Object> health() {
    return Map.of();
  }

  /**
   * An SQL expression: outbox rows with a txid below it can no longer be preceded by a row still
   * being written. On a database with one writer every committed row qualifies.
   */
  default String outboxHorizon() {
    return "9223372036854775807";
  }

  /** Whether one process writes the outbox, so rows commit in id order (a file). */
  default boolean outboxSingleWriter() {
    return true;
  }

  /** Whether other nodes share the database, so that they need to hear of calls tracked here. */
  default boolean shared() {
    return !outboxSingleWriter();
  }

  /** In the appending transaction: tell other processes' readers (a no-op for a file). */
  default void outboxAppended(Connection c) throws SQLException {}

  /** A connection for one outbox reader of its own. */
  default Connection openOutboxReader() throws SQLException {
    return openReader();
  }

  /**
   * Waits up to {@code millis} for news of appended rows: from this process ({@code local}) or,
   * where the database can tell, from any process. Returns the newest transaction id the news named
   * (0 when it named none), or -1 without news.
   */
  default long awaitOutbox(Connection reader, java.util.concurrent.Semaphore local, long millis)
      throws SQLException, InterruptedException {
    if (millis <= 0
        ? local.tryAcquire()
        : local.tryAcquire(millis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      local.drainPermits();
      return 0;
    }
    return -1;
  }

  /** Releases what the dialect holds (nothing by default). */
  default void close() {}
}
