package org.callobjectives.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Webhook deliveries a receiver refused for good (a 4xx other than 408/429): one row each with the
 * payload, so that an operator sees them and can send them again by hand. Shared by the nodes of a
 * PostgreSQL database; rows older than {@link #KEEP_MILLIS} are deleted.
 */
public final class WebhookFailures {
  /** How long a recorded failure is kept. */
  public static final long KEEP_MILLIS = TimeUnit.DAYS.toMillis(30);

  /** Longest error text and payload kept per row. */
  static final int MAX_ERROR = 2000;

  static final int MAX_PAYLOAD = 256 * 1024;

  /** One refused delivery. {@code httpStatus} is null when no answer came. */
  public record Failure(
      long id,
      String webhook,
      long outboxId,
      String kind,
      String callId,
      String idempotencyKey,
      Integer httpStatus,
      String error,
      String payload,
      int attempts,
      String node,
      long failedAtMillis) {}

  private final Database db;

  WebhookFailures(Database db) {
    this.db = db;
  }

  /** Records one failure (its {@code id} is ignored); completes once committed. */
  public CompletableFuture<Long> record(Failure f) {
    return db.write(
        c -> {
          long id =
              Sql.insert(
                  c,
                  """
                  INSERT INTO webhook_failures (webhook, outbox_id, kind, call_id, idempotency_key,
                    http_status, error, payload, attempts, node, failed_at)
                  VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
                  f.webhook(),
                  f.outboxId(),
                  f.kind(),
                  f.callId(),
                  f.idempotencyKey(),
                  f.httpStatus(),
                  cut(f.error(), MAX_ERROR),
                  cut(f.payload(), MAX_PAYLOAD),
                  f.attempts(),
                  f.node() == null ? db.nodeId() : f.node(),
                  f.failedAtMillis());
          db.wrote();
          return id;
        });
  }

  /** The newest failures first, of one webhook or (null) of all. */
  public CompletableFuture<List<Failure>> recent(String webhook, int limit) {
    String columns =
        """
        SELECT id, webhook, outbox_id, kind, call_id, idempotency_key, http_status, error,
          payload, attempts, node, failed_at FROM webhook_failures""";
    String order = " ORDER BY failed_at DESC, id DESC LIMIT ?";
    Object[] args = webhook == null ? new Object[] {limit} : new Object[] {webhook, limit};
    return db.read(
        c ->
            Sql.list(
                c,
                columns + (webhook == null ? "" : " WHERE webhook = ?") + order,
                rs ->
                    new Failure(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        Sql.intOrNull(rs, 7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getInt(10),
                        rs.getString(11),
                        rs.getLong(12)),
                args));
  }

  /** How many failures each webhook has on record (kept for {@link #KEEP_MILLIS}). */
  public CompletableFuture<Map<String, Long>> counts() {
    return db.read(
        c -> {
          Map<String, Long> out = new TreeMap<>();
          Sql.list(
                  c,
                  "SELECT webhook, count(*) FROM webhook_failures GROUP BY webhook",
                  rs -> Map.entry(rs.getString(1), rs.getLong(2)))
              .forEach(e -> out.put(e.getKey(), e.getValue()));
          return out;
        });
  }

  static int prune(Connection c, long beforeMillis) throws SQLException {
    return Sql.update(c, "DELETE FROM webhook_failures WHERE failed_at < ?", beforeMillis);
  }

  private static String cut(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
