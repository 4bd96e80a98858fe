package org.callobjectives.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.CommitmentAnswer;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.ObjectiveView;

/** Dispositions in SQL: once per call and agent, committed durably before the ack. */
final class SqlDispositionStore implements DispositionStore {
  private final Database db;
  private final SqlCallStore calls;

  SqlDispositionStore(Database db, SqlCallStore calls) {
    this.db = db;
    this.calls = calls;
  }

  @Override
  public boolean writable() {
    return db.writable();
  }

  @Override
  public CompletableFuture<SavedDisposition> saveDisposition(
      String agentId, DispositionSubmit d, DispositionCheck check) {
    // Set once this call has tried to commit: if the connection died in the commit and the work
    // runs again, a row with this request's id is this call's own, not a duplicate.
    boolean[] committing = {false};
    return db.write(
        c -> {
          calls.requireStored(d.callId());
          StoredCall call = calls.findCall(d.callId());
          if (call == null) {
            throw new DispositionRejected(ErrorMessage.UNKNOWN_CALL, "no call " + d.callId());
          }
          if (!agentId.equals(call.agentId())) {
            throw new DispositionRejected(
                ErrorMessage.NOT_YOUR_CALL, "call " + d.callId() + " is not yours");
          }
          Existing existing = existing(db.writer(), d.callId(), agentId);
          if (existing != null && !existing.placeholder()) {
            return stored(existing, d, committing[0]);
          }
          check.check(call, d);
          DispositionCode code =
              call.codes().stream()
                  .filter(k -> k.code().equals(d.code()))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new DispositionRejected(
                              ErrorMessage.INVALID_DISPOSITION, "unknown code " + d.code()));
          boolean late = existing != null;
          Connection w = db.writer();
          db.dialect().durableCommitStarts(w);
          Long id;
          // Whether an earlier attempt of this very save reached its commit (and the connection
          // died before the answer): a row found then may be its own, not another node's.
          boolean earlierCommit = committing[0];
          int[] attempts = {0};
          try {
            committing[0] = true;
            id =
                db.inTransaction(
                    tx -> {
                      attempts[0]++;
                      db.dialect().durableInTransaction(tx);
                      if (late) {
                        Sql.update(
                            tx,
                            "DELETE FROM dispositions WHERE id = ? AND code = 'UNDISPOSED'",
                            existing.id());
                      }
                      Long added = insert(tx, call, agentId, d, code, late);
                      if (added == null) {
                        return null; // stored meanwhile
                      }
                      insertDetails(tx, added, call.objective(), d);
                      Outbox.append(
                          tx,
                          db.dialect(),
                          db.nodeId(),
                          OutboxEvent.DISPOSITION,
                          d.callId(),
                          agentId,
                          new OutboxEvent.Disposition(
                              agentId, late, d, code, SqlCallStore.summary(tx, d.callId())));
                      return added;
                    });
          } finally {
            if (db.writerIfOpen() != null) {
              db.dialect().durableCommitEnded(db.writerIfOpen());
            }
          }
          db.wrote();
          if (id == null) {
            // Stored meanwhile: by another node (a duplicate, even with the same request id: the
            // bridge sent it again elsewhere), or by an earlier attempt of this save.
            return stored(
                existing(db.writer(), d.callId(), agentId), d, earlierCommit || attempts[0] > 1);
          }
          db.outboxAppended();
          return new SavedDisposition(d, false, late);
        });
  }

  /** The call's stored disposition for this agent: its id, whether UNDISPOSED, request id, late. */
  private record Existing(long id, boolean placeholder, String requestId, boolean late) {}

  private static Existing existing(Connection c, String callId, String agentId)
      throws SQLException {
    List<Existing> found =
        Sql.list(
            c,
            "SELECT id, code, request_id, late FROM dispositions WHERE call_id = ? AND agent_id = ?",
            rs ->
                new Existing(
                    rs.getLong(1),
                    Store.UNDISPOSED.equals(rs.getString(2)),
                    rs.getString(3),
                    rs.getInt(4) == 1),
            callId,
            agentId);
    return found.isEmpty() ? null : found.get(0);
  }

  /**
   * The disposition already stored: a duplicate, unless this very call committed it before its
   * connection died (same request id), which is news to be told like any other.
   */
  private SavedDisposition stored(Existing e, DispositionSubmit d, boolean committedByThisCall)
      throws SQLException {
    DispositionSubmit first = load(db.writer(), e.id(), d.callId());
    boolean own =
        committedByThisCall && d.requestId() != null && d.requestId().equals(e.requestId());
    return new SavedDisposition(first, !own, own && e.late());
  }

  @Override
  public CompletableFuture<Boolean> markUndisposed(String callId, String agentId) {
    return db.write(
        c -> {
          calls.requireStored(callId);
          boolean inserted = db.inTransaction(tx -> mark(tx, callId, agentId));
          db.wrote();
          if (inserted) {
            db.outboxAppended();
          }
          return inserted;
        });
  }

  @Override
  public CompletableFuture<Integer> recoverAfterRestart(long nowMillis, long wrapUpMillis) {
    return db.write(
        c -> {
          List<String[]> missed =
              Sql.list(
                  c,
                  """
              SELECT c.call_id, c.agent_id FROM calls c
              WHERE c.agent_id IS NOT NULL AND c.ended_at IS NOT NULL AND c.ended_at + ? < ?
                AND c.outcome <> 'INTERRUPTED'
                AND NOT EXISTS (SELECT 1 FROM dispositions d WHERE d.call_id = c.call_id)
              ORDER BY c.ended_at""",
                  rs -> new String[] {rs.getString(1), rs.getString(2)},
                  wrapUpMillis,
                  nowMillis);
          int marked =
              db.inTransaction(
                  tx -> {
                    int n = 0;
                    for (String[] m : missed) {
                      n += mark(tx, m[0], m[1]) ? 1 : 0;
                    }
                    return n;
                  });
          if (marked > 0) {
            db.outboxAppended();
          }
          return marked;
        });
  }

  /** The UNDISPOSED row and its outbox row, unless the call has a disposition already. */
  private boolean mark(Connection tx, String callId, String agentId) throws SQLException {
    boolean inserted =
        Sql.update(
                tx,
                """
        INSERT INTO dispositions (call_id, agent_id, code, advance_obtained, created_at)
        SELECT call_id, agent_id, 'UNDISPOSED', 0, ? FROM calls WHERE call_id = ? AND agent_id = ?
        ON CONFLICT DO NOTHING""",
                System.currentTimeMillis(),
                callId,
                agentId)
            > 0;
    if (inserted) {
      Outbox.append(
          tx,
          db.dialect(),
          db.nodeId(),
          OutboxEvent.UNDISPOSED,
          callId,
          agentId,
          new OutboxEvent.Undisposed(agentId, callId, SqlCallStore.summary(tx, callId)));
    }
    return inserted;
  }

  private static Long insert(
      Connection c,
      StoredCall call,
      String agentId,
      DispositionSubmit d,
      DispositionCode code,
      boolean late)
      throws SQLException {
    return Sql.insertOrNull(
        c,
        """
        INSERT INTO dispositions (call_id, agent_id, code, advance_obtained, upsell_count, csat, notes, request_id,
          is_sale, is_contact, is_not_interested, is_callback, is_do_not_call, is_completed, late, created_at)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (call_id, agent_id) DO NOTHING""",
        call.callId(),
        agentId,
        d.code(),
        d.advanceObtained(),
        d.upsellCount(),
        d.csat(),
        d.notes(),
        d.requestId(),
        code.sale(),
        code.contact(),
        code.notInterested(),
        code.callback(),
        code.doNotCall(),
        code.completed(),
        late,
        System.currentTimeMillis());
  }

  private static void insertDetails(
      Connection c, long id, ObjectiveView objective, DispositionSubmit d) throws SQLException {
    Set<String> done = new HashSet<>(d.checklistDone());
    if (objective != null && !objective.checklist().isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO checklist_results (disposition_id, item_id, kind, required, done) VALUES (?,?,?,?,?)")) {
        for (ChecklistItem item : objective.checklist()) {
          Sql.bind(
              ps, id, item.id(), item.kind().wire(), item.required(), done.contains(item.id()));
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (d.commitment() != null && objective != null && objective.commitment() != null) {
      Sql.update(
          c,
          "INSERT INTO commitment_checks (disposition_id, commitment_call_id, commitment_agent_id,"
              + " answer) VALUES (?,?,?,?)",
          id,
          objective.commitment().callId(),
          objective.commitment().agentId(),
          d.commitment().wire());
    }
    if (!d.upsellNotes().isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO upsell_notes (disposition_id, seq, note) VALUES (?,?,?)")) {
        int seq = 0;
        for (String note : d.upsellNotes()) {
          Sql.bind(ps, id, seq++, note);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  private static DispositionSubmit load(Connection c, long id, String callId) throws SQLException {
    List<String> done =
        Sql.list(
            c,
            "SELECT item_id FROM checklist_results WHERE disposition_id = ? AND done = 1 ORDER BY item_id",
            rs -> rs.getString(1),
            id);
    List<String> notes =
        Sql.list(
            c,
            "SELECT note FROM upsell_notes WHERE disposition_id = ? ORDER BY seq",
            rs -> rs.getString(1),
            id);
    return Sql.list(
            c,
            "SELECT d.request_id, d.code, d.advance_obtained, d.upsell_count, d.csat, d.notes, k.answer"
                + " FROM dispositions d LEFT JOIN commitment_checks k ON k.disposition_id = d.id"
                + " WHERE d.id = ?",
            rs ->
                new DispositionSubmit(
                    rs.getString(1),
                    callId,
                    rs.getString(2),
                    rs.getInt(3) == 1,
                    done,
                    rs.getInt(4),
                    notes,
                    Sql.intOrNull(rs, 5),
                    rs.getString(6),
                    CommitmentAnswer.parse(rs.getString(7))),
            id)
        .get(0);
  }
}
