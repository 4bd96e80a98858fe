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

  /**
   * What one agent may hold: at most {@code open} proposals not decided yet, and at most {@code
   * perDay} made in any 24 hours.
   */
  public record Quota(int open, int perDay) {
    /** No cap (tests of the store alone). */
    public static final Quota NONE = new Quota(Integer.MAX_VALUE, Integer.MAX_VALUE);

    public Quota {
      if (open < 1 || perDay < 1) {
        throw new IllegalArgumentException("a quota must allow at least one proposal");
      }
    }
  }

  /** What became of an {@link #add}: stored (or stored before, for the same request), or not. */
  public sealed interface Added {
    /** The proposal's id. */
    record Stored(long id) implements Added {}

    /**
     * Not stored: the agent's quota is full; {@code retryAfterMillis} when room frees up by itself
     * (the 24 hours), null when an admin must decide first.
     */
    record OverQuota(String why, Long retryAfterMillis) implements Added {}
  }

  static final long DAY_MS = 24L * 60 * 60 * 1000;

  /** Stores a proposal; the same request sent again gives the first one's id. No quota. */
  public CompletableFuture<Long> add(
      String agentId, String objectiveId, String text, String requestId, long now) {
    return add(agentId, objectiveId, text, requestId, now, Quota.NONE)
        .thenApply(a -> ((Added.Stored) a).id());
  }

  /**
   * Stores a proposal unless the agent's quota is full, on the writer thread (so one node never
   * stores past it); the same request sent again gives the first one's id, quota or not.
   */
  public CompletableFuture<Added> add(
      String agentId, String objectiveId, String text, String requestId, long now, Quota quota) {
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
                  return new Added.Stored(rs.getLong(1));
                }
              }
            }
          }
          Added.OverQuota over = overQuota(c, agentId, now, quota);
          if (over != null) {
            return over;
          }
          return new Added.Stored(
              Sql.insert(
                  c,
                  """
          INSERT INTO proposals (agent_id, objective_id, text, request_id, created_at) VALUES (?,?,?,?,?)""",
                  agentId,
                  objectiveId,
                  text,
                  requestId,
                  now));
        });
  }

  /** Why the agent may not add one more now, or null (two index-only counts). */
  private static Added.OverQuota overQuota(
      java.sql.Connection c, String agentId, long now, Quota quota) throws java.sql.SQLException {
    if (quota.open() < Integer.MAX_VALUE) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT COUNT(*) FROM proposals WHERE agent_id = ? AND status = 'open'")) {
        ps.setString(1, agentId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          long open = rs.getLong(1);
          if (open >= quota.open()) {
            return new Added.OverQuota(
                "you have "
                    + open
                    + " proposals waiting for an admin, the most the server keeps per agent;"
                    + " propose again once some are decided",
                null);
          }
        }
      }
    }
    if (quota.perDay() < Integer.MAX_VALUE) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT COUNT(*), MIN(created_at) FROM proposals WHERE agent_id = ? AND created_at > ?")) {
        ps.setString(1, agentId);
        ps.setLong(2, now - DAY_MS);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          long made = rs.getLong(1);
          if (made >= quota.perDay()) {
            long oldest = rs.getLong(2);
            return new Added.OverQuota(
                "you made "
                    + made
                    + " proposals in the last 24 hours, the most the server takes per agent",
                Math.max(1, oldest + DAY_MS - now));
          }
        }
      }
    }
    return null;
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
