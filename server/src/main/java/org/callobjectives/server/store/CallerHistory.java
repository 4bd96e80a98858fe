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

  // A commitment is a real disposition's advance, on a call with a caller number to recognise the
  // customer by; it is settled by an answer of kept or not kept (not yet leaves it open).
  private static final String ADVANCES =
      """
      SELECT c.caller_number, d.call_id, d.agent_id, c.objective_json, d.created_at,
        CASE WHEN EXISTS (SELECT 1 FROM commitment_checks k
            WHERE k.commitment_call_id = d.call_id AND k.commitment_agent_id = d.agent_id
              AND k.answer <> 'not_yet') THEN 1 ELSE 0 END AS settled
      FROM dispositions d JOIN calls c ON c.call_id = d.call_id
      WHERE d.advance_obtained = 1 AND d.code <> 'UNDISPOSED' AND c.caller_number IS NOT NULL""";

  private static final String ANSWER_OF =
      "FROM commitment_checks k JOIN dispositions a ON a.id = k.disposition_id"
          + " WHERE a.call_id = ? AND a.agent_id = ?";

  /** Per caller number, the latest advance obtained and whether it is settled. */
  public CompletableFuture<List<PendingCommitment>> latestCommitmentPerCaller() {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT * FROM (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a.caller_number"
                    + " ORDER BY a.created_at DESC, a.call_id DESC) AS rn FROM ("
                    + ADVANCES
                    + ") AS a) AS latest WHERE rn = 1 ORDER BY created_at",
                CallerHistory::commitment));
  }

  /**
   * After the disposition of {@code callId} by {@code agentId} is stored: its caller's latest
   * advance, and the commitment it answered (if any), each with whether it is settled.
   */
  public CompletableFuture<List<PendingCommitment>> commitmentsAfter(
      String callId, String agentId) {
    return db.read(
        c -> {
          List<PendingCommitment> out = new ArrayList<>();
          out.addAll(
              Sql.list(
                  c,
                  ADVANCES
                      + " AND c.caller_number = (SELECT caller_number FROM calls WHERE call_id = ?)"
                      + " ORDER BY d.created_at DESC, d.id DESC LIMIT 1",
                  CallerHistory::commitment,
                  callId));
          out.addAll(
              Sql.list(
                  c,
                  // The answered commitment by its key (one answer per disposition): an index
                  // lookup, never a pass over every advance.
                  ADVANCES
                      + " AND d.call_id = (SELECT k.commitment_call_id "
                      + ANSWER_OF
                      + ") AND d.agent_id = (SELECT k.commitment_agent_id "
                      + ANSWER_OF
                      + ")",
                  CallerHistory::commitment,
                  callId,
                  agentId,
                  callId,
                  agentId));
          return out;
        });
  }

  private static PendingCommitment commitment(ResultSet rs) throws SQLException {
    String objectiveId = null;
    String advance = null;
    String timeFrame = null;
    try {
      ObjectiveView o = StoredObjective.read(rs.getString(4)).objective();
      if (o != null) {
        objectiveId = o.id();
        advance = o.advance();
        timeFrame = o.timeFrame();
      }
    } catch (IllegalStateException e) {
      // Unreadable: the question is still asked, without the advance's wording.
    }
    return new PendingCommitment(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        objectiveId,
        advance,
        timeFrame,
        rs.getLong(5),
        rs.getInt(6) == 1);
  }
}
