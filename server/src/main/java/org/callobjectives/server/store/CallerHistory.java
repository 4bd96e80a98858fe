package org.callobjectives.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.callobjectives.protocol.ObjectiveView;

/** Reads customers' last dispositioned calls (UNDISPOSED does not count), on the store's thread. */
public final class CallerHistory {
  private final Database db;

  CallerHistory(Database db) {
    this.db = db;
  }

  /**
   * Per caller number, the latest dispositioned call, and the latest one that had a stage (the two
   * differ when the customer's last call was on a queue without stages).
   */
  public CompletableFuture<List<CallerOutcome>> latestPerCaller() {
    return db.read(
        c -> {
          List<CallerOutcome> out = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      """
          SELECT caller_number, call_id, queue, objective_json, code, advance_obtained, created_at FROM (
            SELECT c.caller_number, c.call_id, c.queue, c.objective_json, d.code, d.advance_obtained, d.created_at,
              ROW_NUMBER() OVER (PARTITION BY c.caller_number,
                  c.objective_stage IS NULL
                ORDER BY d.created_at DESC, d.id DESC) AS rn
            FROM dispositions d JOIN calls c ON c.call_id = d.call_id
            WHERE d.code <> 'UNDISPOSED' AND c.caller_number IS NOT NULL) AS latest
          WHERE rn = 1 ORDER BY created_at""");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(outcome(rs));
            }
          }
          return out;
        });
  }

  /** The call behind a disposition just stored, or null when the call has no caller number. */
  public CompletableFuture<CallerOutcome> forDisposition(String callId) {
    return db.read(c -> one(c, callId));
  }

  private static CallerOutcome one(Connection c, String callId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        SELECT c.caller_number, c.call_id, c.queue, c.objective_json, d.code, d.advance_obtained, d.created_at
        FROM dispositions d JOIN calls c ON c.call_id = d.call_id
        WHERE c.call_id = ? AND d.code <> 'UNDISPOSED' AND c.caller_number IS NOT NULL
        ORDER BY d.created_at DESC, d.id DESC LIMIT 1""")) {
      ps.setString(1, callId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? outcome(rs) : null;
      }
    }
  }

  private static CallerOutcome outcome(ResultSet rs) throws SQLException {
    String stage = null;
    String objectiveId = null;
    try {
      ObjectiveView o = StoredObjective.read(rs.getString(4)).objective();
      if (o != null) {
        stage = o.stage();
        objectiveId = o.id();
      }
    } catch (IllegalStateException e) {
      // An unreadable stored objective only loses the stage, never the outcome.
    }
    return new CallerOutcome(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        stage,
        objectiveId,
        rs.getString(5),
        rs.getInt(6) == 1,
        rs.getLong(7));
  }
}
