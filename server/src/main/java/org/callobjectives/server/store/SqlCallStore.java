package org.callobjectives.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.Direction;
import org.callobjectives.server.domain.ExperimentArm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call rows in SQL. Rows queued meanwhile are written in one transaction; rows the database refuses
 * (busy, full, unreachable) are held, newest version per call, and written in order before anything
 * else touches those calls.
 */
final class SqlCallStore implements CallStore, Database.Backlog {
  private static final Logger log = LoggerFactory.getLogger(Store.class);
  static final int MAX_UNSAVED = 200_000;

  private final Database db;
  private final ConcurrentLinkedQueue<PendingCall> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  // Writer-thread confined.
  private final Map<String, Row> unsaved = new LinkedHashMap<>();
  private volatile int unsavedCount;
  private final AtomicLong lostRows = new AtomicLong();

  SqlCallStore(Database db) {
    this.db = db;
    db.addBacklog(this);
  }

  /** One version of a call's row, with what its end tells the other nodes. */
  private record Row(CallRecord record, long wrapUpDeadlineMillis, boolean forcedWrapUp) {}

  private record PendingCall(Row row, CompletableFuture<Void> done) {}

  @Override
  public CompletableFuture<Void> upsertCall(
      CallRecord r, long wrapUpDeadlineMillis, boolean forcedWrapUp) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    pending.add(new PendingCall(new Row(r, wrapUpDeadlineMillis, forcedWrapUp), f));
    // One flush task drains every row queued meanwhile into a single transaction: at hundreds of
    // calls a second, one commit per row would cost more than the rows themselves.
    if (flushScheduled.compareAndSet(false, true)) {
      // Runs even when the database cannot be reached: the rows are then held and retried.
      db.execute(
          () -> {
            flushScheduled.set(false);
            flushPending();
          });
    }
    return f;
  }

  /** Writes every queued row (writer thread). */
  void flushPending() {
    List<PendingCall> batch = new ArrayList<>();
    for (PendingCall p; (p = pending.poll()) != null; ) {
      batch.add(p);
    }
    if (batch.isEmpty()) {
      return;
    }
    if (!unsaved.isEmpty()) {
      // Rows already waiting go first, so a call's versions are written in order.
      for (PendingCall p : batch) {
        unsaved.remove(p.row().record().callId());
        hold(p.row());
      }
      retry();
    } else {
      try {
        db.inTransaction(
            c -> {
              for (PendingCall p : batch) {
                writeCall(c, p.row());
              }
              return null;
            });
        db.wrote();
        db.outboxAppended();
      } catch (SQLException e) {
        // Whatever failed, the rows are kept: the retry loop writes them one by one.
        batch.forEach(p -> hold(p.row()));
        db.failed(e, "call rows (kept in memory, retried one by one)");
      }
    }
    batch.forEach(p -> p.done().complete(null));
  }

  /** Holds a row for later; beyond {@link #MAX_UNSAVED} the oldest are given up, loudly. */
  private void hold(Row r) {
    unsaved.put(r.record().callId(), r);
    while (unsaved.size() > MAX_UNSAVED) {
      var it = unsaved.entrySet().iterator();
      CallRecord lost = it.next().getValue().record();
      it.remove();
      lostRows.incrementAndGet();
      log.error(
          "database unwritable for too long: call row {} given up ({} held)",
          lost.callId(),
          MAX_UNSAVED);
    }
    unsavedCount = unsaved.size();
  }

  @Override
  public void retry() {
    var it = unsaved.values().iterator();
    int written = 0;
    while (it.hasNext()) {
      Row row = it.next();
      CallRecord r = row.record();
      try {
        db.inTransaction(c -> writeCall(c, row));
        written++;
        db.outboxAppended();
      } catch (SQLException e) {
        if (db.isTransient(e)) {
          db.failed(e, "held call rows");
          break;
        }
        // This row can never be written (it breaks a constraint): give it up loudly, not the rows
        // behind it.
        lostRows.incrementAndGet();
        db.failed(e, "call row " + r.callId() + " (given up)");
      }
      it.remove();
    }
    unsavedCount = unsaved.size();
    if (written > 0 && unsaved.isEmpty()) {
      log.info("all held call rows written");
      db.wrote();
    }
  }

  @Override
  public boolean empty() {
    return unsaved.isEmpty();
  }

  @Override
  public int unsavedCalls() {
    return unsavedCount;
  }

  @Override
  public long lostCallRows() {
    return lostRows.get();
  }

  /** Makes sure the call's row is in the database, writing what is queued or held first. */
  void requireStored(String callId) throws SQLException {
    flushPending();
    if (unsaved.containsKey(callId)) {
      retry();
      if (unsaved.containsKey(callId)) {
        throw new StoreUnavailable(
            "call " + callId + " is not stored yet: the database is not writable");
      }
    }
  }

  /** On the final flush: what could not be written is said once. */
  void flushAtClose() {
    flushPending();
    retry();
    if (!unsaved.isEmpty()) {
      log.error(
          "stopping with {} call rows the database would not take ({}): they are not stored",
          unsaved.size(),
          db.lastError());
    }
  }

  /**
   * The call's row, and its outbox rows, in the caller's transaction: at its end, and on a shared
   * database also when it connects to an agent and when it is corrected after its end.
   */
  private Void writeCall(Connection c, Row row) throws SQLException {
    CallRecord r = row.record();
    CallRecord.Channels ch = r.channels();
    try (PreparedStatement ps =
        c.prepareStatement(
            """
        INSERT INTO calls (call_id, server, direction, queue, agent_id, caller_number, caller_name, linkedid,
          outcome, end_reason, hold_seconds, talk_seconds, started_at, connected_at, ended_at, objective_id,
          objective_json, updated_at, caller_uniqueid, other_uniqueid, member_interface, agent_channel, far_channel,
          objective_title, objective_stage, experiment_id, experiment_variant)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
        ON CONFLICT(call_id) DO UPDATE SET outcome=excluded.outcome, end_reason=excluded.end_reason,
          hold_seconds=excluded.hold_seconds, talk_seconds=excluded.talk_seconds, ended_at=excluded.ended_at,
          caller_number=COALESCE(calls.caller_number, excluded.caller_number),
          caller_name=COALESCE(calls.caller_name, excluded.caller_name),
          linkedid=COALESCE(calls.linkedid, excluded.linkedid), updated_at=excluded.updated_at,
          experiment_id=COALESCE(calls.experiment_id, excluded.experiment_id),
          experiment_variant=COALESCE(calls.experiment_variant, excluded.experiment_variant)
        """)) {
      Sql.bind(
          ps,
          r.callId(),
          r.server(),
          r.direction().wire(),
          r.queue(),
          r.agentId(),
          r.callerNumber(),
          r.callerName(),
          r.linkedid(),
          r.outcome().name(),
          r.endReason(),
          r.holdSeconds(),
          r.talkSeconds(),
          r.startedAtMillis(),
          r.connectedAtMillis(),
          r.endedAtMillis(),
          r.objective() == null ? null : r.objective().id(),
          r.objective() == null ? null : StoredObjective.write(r.objective(), r.codes()),
          System.currentTimeMillis(),
          ch == null ? null : ch.callerUniqueid(),
          ch == null ? null : ch.otherUniqueid(),
          ch == null ? null : ch.iface(),
          ch == null ? null : ch.agentChannel(),
          ch == null ? null : ch.farChannel(),
          r.objective() == null ? null : r.objective().title(),
          r.objective() == null ? null : r.objective().stage(),
          r.experiment() == null ? null : r.experiment().experimentId(),
          r.experiment() == null ? null : r.experiment().variant());
      ps.executeUpdate();
    }
    var change = OutboxEvent.CallChange.of(r, row.wrapUpDeadlineMillis(), row.forcedWrapUp());
    boolean shared = db.dialect().shared();
    if (shared && r.agentId() != null && r.connectedAtMillis() != null) {
      // Again with each version: held rows keep only the newest, which may be the end already.
      appendOutbox(c, OutboxEvent.CALL_CONNECTED, change);
    }
    if (r.endedAtMillis() != null && !appendOutbox(c, OutboxEvent.CALL_ENDED, change) && shared) {
      appendOutbox(c, OutboxEvent.CALL_UPDATED, change);
    }
    return null;
  }

  private boolean appendOutbox(Connection c, String kind, OutboxEvent.CallChange change)
      throws SQLException {
    return Outbox.append(
        c, db.dialect(), db.nodeId(), kind, change.callId(), change.agentId(), change);
  }

  @Override
  public CompletableFuture<List<String>> callIdsSince(long sinceMillis, int limit) {
    return db.write(
        c ->
            Sql.list(
                c,
                """
            SELECT call_id FROM (SELECT call_id, started_at FROM calls WHERE started_at >= ?
              ORDER BY started_at DESC LIMIT ?) AS recent ORDER BY started_at""",
                rs -> rs.getString(1),
                sinceMillis,
                limit));
  }

  @Override
  public CompletableFuture<List<CallRecord>> openCalls() {
    return db.write(c -> callRecords(c, "WHERE c.outcome = 'CONNECTED'"));
  }

  @Override
  public CompletableFuture<List<CallRecord>> callsAwaitingDisposition() {
    return db.write(
        c ->
            callRecords(
                c,
                """
        WHERE c.agent_id IS NOT NULL AND c.ended_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM dispositions d WHERE d.call_id = c.call_id)"""));
  }

  private static List<CallRecord> callRecords(Connection c, String where) throws SQLException {
    return Sql.list(
        c,
        """
        SELECT call_id, server, direction, queue, agent_id, caller_number, caller_name, linkedid, outcome, end_reason,
          hold_seconds, talk_seconds, started_at, connected_at, ended_at, objective_json, caller_uniqueid,
          other_uniqueid, member_interface, agent_channel, far_channel, experiment_id, experiment_variant
          FROM calls c\s"""
            + where
            + " ORDER BY c.started_at",
        rs -> {
          StoredObjective oc = StoredObjective.read(rs.getString(16));
          CallRecord.Channels ch =
              rs.getString(17) == null && rs.getString(18) == null
                  ? null
                  : new CallRecord.Channels(
                      rs.getString(17),
                      rs.getString(18),
                      rs.getString(19),
                      rs.getString(20),
                      rs.getString(21));
          return new CallRecord(
              rs.getString(1),
              rs.getString(2),
              Direction.of(rs.getString(3)),
              rs.getString(4),
              rs.getString(5),
              rs.getString(6),
              rs.getString(7),
              rs.getString(8),
              CallOutcome.valueOf(rs.getString(9)),
              rs.getString(10),
              rs.getLong(11),
              rs.getLong(12),
              rs.getLong(13),
              Sql.longOrNull(rs, 14),
              Sql.longOrNull(rs, 15),
              oc.objective(),
              oc.codes(),
              ch,
              rs.getString(22) == null
                  ? null
                  : new ExperimentArm(rs.getString(22), rs.getString(23)));
        });
  }

  /** The stored call a disposition is checked against, or null (writer thread). */
  /** The call as stored now, for the outbox row of its disposition or missed wrap-up. */
  static OutboxEvent.CallSummary summary(Connection c, String callId) throws SQLException {
    List<OutboxEvent.CallSummary> found =
        Sql.list(
            c,
            """
            SELECT server, direction, queue, caller_number, caller_name, outcome, end_reason,
              hold_seconds, talk_seconds, started_at, connected_at, ended_at, objective_id,
              objective_title FROM calls WHERE call_id = ?""",
            rs ->
                new OutboxEvent.CallSummary(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    Sql.longOrNull(rs, 8),
                    Sql.longOrNull(rs, 9),
                    Sql.longOrNull(rs, 10),
                    Sql.longOrNull(rs, 11),
                    Sql.longOrNull(rs, 12),
                    rs.getString(13),
                    rs.getString(14)),
            callId);
    return found.isEmpty() ? null : found.get(0);
  }

  StoredCall findCall(String callId) throws SQLException {
    List<StoredCall> found =
        Sql.list(
            db.writer(),
            "SELECT agent_id, outcome, ended_at, objective_json FROM calls WHERE call_id = ?",
            rs -> {
              StoredObjective oc = StoredObjective.read(rs.getString(4));
              return new StoredCall(
                  callId,
                  rs.getString(1),
                  rs.getString(2),
                  Sql.longOrNull(rs, 3),
                  oc.objective(),
                  oc.codes());
            },
            callId);
    return found.isEmpty() ? null : found.get(0);
  }
}
