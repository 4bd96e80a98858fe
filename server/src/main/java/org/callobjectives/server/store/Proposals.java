package org.callobjectives.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Agents' proposals for objective changes: stored once per request, then accepted or dismissed by
 * an admin.
 */
public final class Proposals {
  /** One proposal as the admin page lists it. */
  public record Row(
      long id,
      String agentId,
      String objectiveId,
      String text,
      String status,
      long createdAt,
      String decidedBy,
      Long decidedAt) {}

  private final Database db;

  Proposals(Database db) {
    this.db = db;
  }

  /** Stores a proposal; the same request sent again gives the first one's id. */
  public CompletableFuture<Long> add(
      String agentId, String objectiveId, String text, String requestId, long now) {
    return db.write(
        c -> {
          if (requestId != null) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT id FROM proposals WHERE agent_id = ? AND request_id = ?")) {
              ps.setString(1, agentId);
              ps.setString(2, requestId);
              try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                  return rs.getLong(1);
                }
              }
            }
          }
          return Sql.insert(
              c,
              """
          INSERT INTO proposals (agent_id, objective_id, text, request_id, created_at) VALUES (?,?,?,?,?)""",
              agentId,
              objectiveId,
              text,
              requestId,
              now);
        });
  }

  /** Newest first; {@code status} null for all. */
  public CompletableFuture<List<Row>> list(String status, int limit) {
    return db.read(
        c -> {
          List<Row> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  """
          SELECT id, agent_id, objective_id, text, status, created_at, decided_by, decided_at FROM proposals
          WHERE (? IS NULL OR status = ?) ORDER BY id DESC LIMIT ?""")) {
            ps.setString(1, status);
            ps.setString(2, status);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getString(7),
                        rs.getObject(8) == null ? null : rs.getLong(8)));
              }
            }
          }
          return out;
        });
  }

  /** Marks an open proposal accepted or dismissed; false when there is no such open proposal. */
  public CompletableFuture<Boolean> decide(long id, String status, String who, long now) {
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  """
          UPDATE proposals SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'open'""")) {
            ps.setString(1, status);
            ps.setString(2, who);
            ps.setLong(3, now);
            ps.setLong(4, id);
            return ps.executeUpdate() == 1;
          }
        });
  }
}
