package org.callobjectives.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The outbox's SQL: appending inside a repository's transaction, reading in order, cursors. */
final class Outbox {
  private Outbox() {}

  /** Where a reader is: the last row it read, in (txid, id) order; (0, 0) before the first. */
  record Position(long txid, long id) {
    static final Position START = new Position(0, 0);
  }

  /**
   * Appends one row in the caller's transaction (once per kind and call: a row written again is
   * ignored) and lets the readers know after the commit. True when the row is new.
   */
  static boolean append(
      Connection c,
      Dialect dialect,
      String origin,
      String kind,
      String callId,
      String agentId,
      Object body)
      throws SQLException {
    int added =
        Sql.update(
            c,
            """
        INSERT INTO outbox (origin, kind, call_id, agent_id, body, created_at) VALUES (?,?,?,?,?,?)
        ON CONFLICT (kind, call_id) DO NOTHING""",
            origin,
            kind,
            callId,
            agentId,
            OutboxEvent.json(body),
            System.currentTimeMillis());
    if (added > 0) {
      dialect.outboxAppended(c);
    }
    return added > 0;
  }

  /** The rows after {@code p} that no running transaction can still precede, in order. */
  static List<OutboxEvent> after(Connection c, Dialect dialect, Position p, int limit)
      throws SQLException {
    String columns =
        "SELECT id, txid, origin, kind, call_id, agent_id, body, created_at FROM outbox";
    Sql.Row<OutboxEvent> row =
        rs ->
            new OutboxEvent(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getLong(8));
    if (dialect.outboxSingleWriter()) {
      // One writer commits in id order: the primary key is the order.
      return Sql.list(c, columns + " WHERE id > ? ORDER BY id LIMIT ?", row, p.id(), limit);
    }
    return Sql.list(
        c,
        columns
            + " WHERE (txid, id) > (?, ?) AND txid < "
            + dialect.outboxHorizon()
            + " ORDER BY txid, id LIMIT ?",
        row,
        p.txid(),
        p.id(),
        limit);
  }

  /** The place after every row readable now: where a reader that starts "from now" begins. */
  static Position end(Connection c, Dialect dialect) throws SQLException {
    List<Position> last =
        Sql.list(
            c,
            "SELECT txid, id FROM outbox WHERE txid < "
                + dialect.outboxHorizon()
                + " ORDER BY txid DESC, id DESC LIMIT 1",
            rs -> new Position(rs.getLong(1), rs.getLong(2)));
    return last.isEmpty() ? Position.START : last.get(0);
  }

  /** A durable reader's saved place, or null when it never read. */
  static Position cursor(Connection c, String consumer) throws SQLException {
    List<Position> p =
        Sql.list(
            c,
            "SELECT last_txid, last_id FROM outbox_cursors WHERE consumer = ?",
            rs -> new Position(rs.getLong(1), rs.getLong(2)),
            consumer);
    return p.isEmpty() ? null : p.get(0);
  }

  static void saveCursor(Connection c, String consumer, Position p) throws SQLException {
    Sql.update(
        c,
        """
        INSERT INTO outbox_cursors (consumer, last_txid, last_id, updated_at) VALUES (?,?,?,?)
        ON CONFLICT (consumer) DO UPDATE SET last_txid = excluded.last_txid,
          last_id = excluded.last_id, updated_at = excluded.updated_at""",
        consumer,
        p.txid(),
        p.id(),
        System.currentTimeMillis());
  }

  /** How many rows of these kinds lie after {@code p} (a reader's backlog). */
  static long countAfter(
      Connection c, Dialect dialect, Position p, java.util.Collection<String> kinds)
      throws SQLException {
    if (kinds.isEmpty()) {
      return 0;
    }
    String in = String.join(",", java.util.Collections.nCopies(kinds.size(), "?"));
    List<Object> args = new java.util.ArrayList<>();
    String where;
    if (dialect.outboxSingleWriter()) {
      where = "id > ?";
      args.add(p.id());
    } else {
      where = "(txid, id) > (?, ?)";
      args.add(p.txid());
      args.add(p.id());
    }
    args.addAll(kinds);
    return Sql.list(
            c,
            "SELECT count(*) FROM outbox WHERE " + where + " AND kind IN (" + in + ")",
            rs -> rs.getLong(1),
            args.toArray())
        .get(0);
  }

  /** The durable readers whose name starts with {@code prefix}. */
  static List<String> readers(Connection c, String prefix) throws SQLException {
    return Sql.list(
        c,
        "SELECT consumer FROM outbox_cursors WHERE substr(consumer, 1, ?) = ? ORDER BY consumer",
        rs -> rs.getString(1),
        prefix.length(),
        prefix);
  }

  /** Forgets a durable reader's place (it no longer reads): rows stop waiting for it. */
  static boolean dropCursor(Connection c, String consumer) throws SQLException {
    return Sql.update(c, "DELETE FROM outbox_cursors WHERE consumer = ?", consumer) > 0;
  }

  /**
   * Deletes rows older than {@code beforeMillis} that every durable reader has passed; returns how
   * many.
   */
  static int prune(Connection c, long beforeMillis) throws SQLException {
    return Sql.update(
        c,
        """
        DELETE FROM outbox WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM outbox_cursors k
          WHERE k.last_txid < outbox.txid OR (k.last_txid = outbox.txid AND k.last_id < outbox.id))""",
        beforeMillis);
  }
}
