package org.callobjectives.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.ObjectiveView;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.Direction;
import org.callobjectives.server.domain.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one SQLite file: WAL, schema migrations at open, every write on one writer thread so the
 * Netty event loops and the call-tracking thread never wait for the disk.
 */
public final class Store implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Store.class);
  public static final String UNDISPOSED = "UNDISPOSED";

  private final Path file;
  private final Connection writer;
  private final ExecutorService writerThread;
  private final AtomicLong failures = new AtomicLong();
  // Call rows that could not be written (database busy, disk full): kept, newest version per call,
  // and flushed in order before anything else touches those calls. Writer-thread confined.
  private final Map<String, CallRecord> unsaved = new LinkedHashMap<>();
  private volatile int unsavedCount;
  static final int MAX_UNSAVED = 200_000;
  private final AtomicLong lostRows = new AtomicLong();
  private final java.util.concurrent.ConcurrentLinkedQueue<PendingCall> pendingCalls =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.AtomicBoolean flushScheduled =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final ScheduledExecutorService retry;
  private final StoreState state = new StoreState(java.time.Clock.systemUTC());
  // After an outage, or while the disk is nearly full, the WAL is checkpointed and truncated so
  // that
  // it cannot grow back into the little space there is.
  static final long LOW_SPACE_BYTES = 64L * 1024 * 1024;
  private boolean truncateWalDue;
  private final java.nio.file.FileStore fileStore;
  // Reports and admin pages read on their own connection and thread (WAL lets readers run beside
  // the writer), so a long report never delays a call row or a disposition ack.
  private final Connection reader;
  private final ExecutorService readerThread;

  private Store(Path file, Connection writer, ExecutorService writerThread, Connection reader) {
    this.file = file;
    this.writer = writer;
    this.writerThread = writerThread;
    this.reader = reader;
    this.readerThread = Executors.newSingleThreadExecutor(Threads.daemon("store-reader"));
    this.retry = Executors.newSingleThreadScheduledExecutor(Threads.daemon("store-retry"));
    this.fileStore = fileStoreOf(file);
    retry.scheduleWithFixedDelay(
        () ->
            submit(
                () -> {
                  tick();
                  return null;
                }),
        1,
        1,
        TimeUnit.SECONDS);
  }

  private static java.nio.file.FileStore fileStoreOf(Path file) {
    try {
      return Files.getFileStore(file.toAbsolutePath());
    } catch (IOException e) {
      return null;
    }
  }

  /** Every second on the writer thread: write held rows, and truncate the WAL when due. */
  private void tick() throws SQLException {
    if (!unsaved.isEmpty()) {
      flushUnsaved();
    }
    if (unsaved.isEmpty() && (truncateWalDue || lowOnSpaceCheckpointDue())) {
      truncateWal();
    }
    walBytesSeen = walBytes();
  }

  /**
   * The WAL size as the writer last saw it: /health answers on an event loop and never touches the
   * disk.
   */
  private volatile long walBytesSeen;

  /**
   * While the disk is nearly full the WAL is truncated now and then, not at every tick: a TRUNCATE
   * checkpoint waits for readers (busy timeout), and a long report must not stall acks every
   * second.
   */
  private boolean lowOnSpaceCheckpointDue() {
    long now = System.nanoTime();
    if (now - lastLowSpaceCheckpoint < LOW_SPACE_CHECKPOINT_EVERY_NANOS || !lowOnSpace()) {
      return false;
    }
    lastLowSpaceCheckpoint = now;
    return true;
  }

  private static final long LOW_SPACE_CHECKPOINT_EVERY_NANOS =
      java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
  private long lastLowSpaceCheckpoint = System.nanoTime() - LOW_SPACE_CHECKPOINT_EVERY_NANOS;

  private boolean lowOnSpace() {
    try {
      return fileStore != null && fileStore.getUsableSpace() < LOW_SPACE_BYTES && walBytes() > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** Size of the write-ahead log file (0 when absent or truncated). */
  public long walBytes() {
    try {
      Path wal = Path.of(file + "-wal");
      return Files.exists(wal) ? Files.size(wal) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private void truncateWal() {
    try (Statement s = writer.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
      if (rs.next() && rs.getInt(1) == 0) {
        if (truncateWalDue) {
          log.info("write-ahead log checkpointed and truncated after the outage");
        }
        truncateWalDue = false;
        state.walTruncated();
      }
    } catch (SQLException e) {
      // A full disk can fail the checkpoint too; the next tick tries again.
      log.debug("WAL checkpoint failed: {}", e.toString());
    }
  }

  /**
   * A write committed. The outage ends only once no row waits any more: on a full disk small writes
   * still fit now and then, and that is not the end of it.
   */
  private void wrote() {
    if (unsaved.isEmpty() && state.succeeded()) {
      truncateWalDue = true;
    }
  }

  private void failedTransiently(SQLException e) {
    failures.incrementAndGet();
    state.failed(e);
  }

  /**
   * The store's state for /health: writable or not since when, the last error, rows waiting, WAL
   * size.
   */
  public Map<String, Object> health() {
    Map<String, Object> m = state.view();
    m.put("callRowsWaiting", unsavedCount);
    m.put("callRowsLost", lostRows.get());
    m.put("walBytes", walBytesSeen);
    return m;
  }

  /** Whether the last write succeeded. */
  public boolean writable() {
    return state.writable();
  }

  /**
   * Test seam: SQLite's {@code max_page_count} on the writer connection, to make the database full
   * without filling a disk (1: no new page from now on; a large value: room again). Returns the
   * value in force.
   */
  public CompletableFuture<Long> maxPageCountForTest(long pages) {
    CompletableFuture<Long> f = new CompletableFuture<>();
    writerThread.execute(
        () -> {
          try (Statement s = writer.createStatement();
              ResultSet rs = s.executeQuery("PRAGMA max_page_count = " + pages)) {
            rs.next();
            f.complete(rs.getLong(1));
          } catch (SQLException e) {
            f.completeExceptionally(e);
          }
        });
    return f;
  }

  public static Store open(Path file) throws SQLException, IOException {
    return open(file, 5000);
  }

  /**
   * Opens (creating and migrating) the database; {@code busyTimeoutMs} is how long a write waits
   * for a lock.
   */
  public static Store open(Path file, int busyTimeoutMs) throws SQLException, IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=NORMAL");
      s.execute("PRAGMA foreign_keys=ON");
      s.execute("PRAGMA busy_timeout=" + busyTimeoutMs);
      // A checkpoint that resets the WAL also shrinks its file: a burst never leaves a big WAL
      // behind.
      s.execute("PRAGMA journal_size_limit=" + (4L * 1024 * 1024));
    }
    int version = Migrations.apply(c);
    log.info("database {} ready (schema version {})", file, version);
    Connection r = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = r.createStatement()) {
      s.execute("PRAGMA query_only=1");
      s.execute("PRAGMA busy_timeout=" + busyTimeoutMs);
    }
    return new Store(file, c, Executors.newSingleThreadExecutor(Threads.daemon("store-writer")), r);
  }

  public Path file() {
    return file;
  }

  public long failures() {
    return failures.get();
  }

  /** Call rows waiting for the database to accept writes again. */
  public int unsavedCalls() {
    return unsavedCount;
  }

  /**
   * Inserts or updates one call leg. If the database is busy or full the row is kept in memory and
   * written by the retry loop; the future still completes (the call goes on either way).
   */
  public CompletableFuture<Void> upsertCall(CallRecord r) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    pendingCalls.add(new PendingCall(r, f));
    // One flush task drains every row queued meanwhile into a single transaction: at hundreds of
    // calls a second, one commit per row would cost more than the rows themselves.
    if (flushScheduled.compareAndSet(false, true)) {
      submit(
              () -> {
                flushScheduled.set(false);
                flushPending();
                return null;
              })
          .whenComplete(
              (ok, err) -> {
                if (err != null) {
                  failPending(err);
                }
              });
    }
    return f;
  }

  private record PendingCall(CallRecord record, CompletableFuture<Void> done) {}

  private void flushPending() throws SQLException {
    List<PendingCall> batch = new ArrayList<>();
    for (PendingCall p; (p = pendingCalls.poll()) != null; ) {
      batch.add(p);
    }
    if (batch.isEmpty()) {
      return;
    }
    if (!unsaved.isEmpty()) {
      // Rows already waiting go first, so a call's versions are written in order.
      for (PendingCall p : batch) {
        unsaved.remove(p.record().callId());
        holdUnsaved(p.record());
      }
      flushUnsaved();
    } else {
      try {
        Transactions.inTransaction(
            writer,
            c -> {
              for (PendingCall p : batch) {
                writeCall(p.record());
              }
              return null;
            });
        wrote();
      } catch (SQLException e) {
        // Whatever failed, the rows are kept: the retry loop writes them one by one.
        batch.forEach(p -> holdUnsaved(p.record()));
        if (isTransient(e)) {
          failedTransiently(e);
        } else {
          failures.incrementAndGet();
          log.error("call rows not written ({}): kept in memory, retried one by one", e.toString());
        }
      }
    }
    batch.forEach(p -> p.done().complete(null));
  }

  private void failPending(Throwable err) {
    for (PendingCall p; (p = pendingCalls.poll()) != null; ) {
      p.done().completeExceptionally(err);
    }
  }

  /** Holds a row for later; beyond {@link #MAX_UNSAVED} the oldest are given up, loudly. */
  private void holdUnsaved(CallRecord r) {
    unsaved.put(r.callId(), r);
    while (unsaved.size() > MAX_UNSAVED) {
      var it = unsaved.entrySet().iterator();
      CallRecord lost = it.next().getValue();
      it.remove();
      lostRows.incrementAndGet();
      log.error(
          "database unwritable for too long: call row {} given up ({} held)",
          lost.callId(),
          MAX_UNSAVED);
    }
    unsavedCount = unsaved.size();
  }

  /** Call rows given up because the database stayed unwritable while too many piled up. */
  public long lostCallRows() {
    return lostRows.get();
  }

  private void flushUnsaved() {
    var it = unsaved.values().iterator();
    int written = 0;
    while (it.hasNext()) {
      CallRecord r = it.next();
      try {
        writeCall(r);
        written++;
      } catch (SQLException e) {
        if (isTransient(e)) {
          failedTransiently(e);
          break;
        }
        // This row can never be written (it breaks a constraint): give it up loudly, not the rows
        // behind it.
        lostRows.incrementAndGet();
        failures.incrementAndGet();
        log.error("call row {} given up: {}", r.callId(), e.toString());
      }
      it.remove();
    }
    unsavedCount = unsaved.size();
    if (written > 0 && unsaved.isEmpty()) {
      log.info("all held call rows written");
      wrote();
    }
  }

  /**
   * Full, I/O error, busy, locked, can't open...: the database, not the row; worth trying again
   * later.
   */
  static boolean isTransient(SQLException e) {
    if (e instanceof StoreUnavailable) {
      return true;
    }
    if (e instanceof org.sqlite.SQLiteException s) {
      int primary = s.getResultCode().code & 0xff;
      // ERROR (a bad statement), TOOBIG, CONSTRAINT, MISMATCH, MISUSE, RANGE: the row or the code
      // is at fault.
      return !(primary == 1
          || primary == 18
          || primary == 19
          || primary == 20
          || primary == 21
          || primary == 25);
    }
    return true;
  }

  /** Makes sure the call's row is in the database, writing what is queued or held first. */
  private void requireStored(String callId) throws SQLException {
    flushPending();
    if (unsaved.containsKey(callId)) {
      flushUnsaved();
      if (unsaved.containsKey(callId)) {
        throw new StoreUnavailable(
            "call " + callId + " is not stored yet: the database is not writable");
      }
    }
  }

  private void writeCall(CallRecord r) throws SQLException {
    try (PreparedStatement ps =
        writer.prepareStatement(
            """
        INSERT INTO calls (call_id, server, direction, queue, agent_id, caller_number, caller_name, linkedid,
          outcome, end_reason, hold_seconds, talk_seconds, started_at, connected_at, ended_at, objective_id,
          objective_json, updated_at, caller_uniqueid, other_uniqueid, member_interface, agent_channel, far_channel)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
        ON CONFLICT(call_id) DO UPDATE SET outcome=excluded.outcome, end_reason=excluded.end_reason,
          hold_seconds=excluded.hold_seconds, talk_seconds=excluded.talk_seconds, ended_at=excluded.ended_at,
          caller_number=COALESCE(calls.caller_number, excluded.caller_number),
          caller_name=COALESCE(calls.caller_name, excluded.caller_name),
          linkedid=COALESCE(calls.linkedid, excluded.linkedid), updated_at=excluded.updated_at
        """)) {
      int i = 1;
      ps.setString(i++, r.callId());
      ps.setString(i++, r.server());
      ps.setString(i++, r.direction().wire());
      ps.setString(i++, r.queue());
      ps.setString(i++, r.agentId());
      ps.setString(i++, r.callerNumber());
      ps.setString(i++, r.callerName());
      ps.setString(i++, r.linkedid());
      ps.setString(i++, r.outcome().name());
      ps.setString(i++, r.endReason());
      ps.setLong(i++, r.holdSeconds());
      ps.setLong(i++, r.talkSeconds());
      ps.setLong(i++, r.startedAtMillis());
      setLong(ps, i++, r.connectedAtMillis());
      setLong(ps, i++, r.endedAtMillis());
      ps.setString(i++, r.objective() == null ? null : r.objective().id());
      ps.setString(
          i++, r.objective() == null ? null : StoredObjective.write(r.objective(), r.codes()));
      ps.setLong(i++, System.currentTimeMillis());
      CallRecord.Channels ch = r.channels();
      ps.setString(i++, ch == null ? null : ch.callerUniqueid());
      ps.setString(i++, ch == null ? null : ch.otherUniqueid());
      ps.setString(i++, ch == null ? null : ch.iface());
      ps.setString(i++, ch == null ? null : ch.agentChannel());
      ps.setString(i, ch == null ? null : ch.farChannel());
      ps.executeUpdate();
    }
  }

  /**
   * Checks a disposition against the stored call; throws {@link DispositionRejected} to refuse it.
   */
  public interface DispositionCheck {
    void check(StoredCall call, DispositionSubmit d) throws DispositionRejected;
  }

  /**
   * Stores the agent's disposition once: a second one for the same call and agent returns the
   * first. An UNDISPOSED placeholder (wrap-up missed) is replaced and the row marked late.
   */
  public CompletableFuture<SavedDisposition> saveDisposition(
      String agentId, DispositionSubmit d, DispositionCheck check) {
    return submit(
        () -> {
          requireStored(d.callId());
          StoredCall call = findCall(d.callId());
          if (call == null) {
            throw new DispositionRejected(ErrorMessage.UNKNOWN_CALL, "no call " + d.callId());
          }
          if (!agentId.equals(call.agentId())) {
            throw new DispositionRejected(
                ErrorMessage.NOT_YOUR_CALL, "call " + d.callId() + " is not yours");
          }
          Long existingId = null;
          boolean placeholder = false;
          try (PreparedStatement ps =
              writer.prepareStatement(
                  "SELECT id, code FROM dispositions WHERE call_id = ? AND agent_id = ?")) {
            ps.setString(1, d.callId());
            ps.setString(2, agentId);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                existingId = rs.getLong(1);
                placeholder = UNDISPOSED.equals(rs.getString(2));
              }
            }
          }
          if (existingId != null && !placeholder) {
            return new SavedDisposition(loadDisposition(existingId, d.callId()), true, false);
          }
          check.check(call, d);
          DispositionCode code =
              call.codes().stream()
                  .filter(c -> c.code().equals(d.code()))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new DispositionRejected(
                              ErrorMessage.INVALID_DISPOSITION, "unknown code " + d.code()));
          // An acked disposition must survive a power cut, not only a crash: sync this commit
          // fully.
          try (Statement st = writer.createStatement()) {
            st.execute("PRAGMA synchronous=FULL");
          }
          Long replaced = existingId;
          try {
            Transactions.inTransaction(
                writer,
                c -> {
                  if (replaced != null) {
                    try (PreparedStatement del =
                        c.prepareStatement("DELETE FROM dispositions WHERE id = ?")) {
                      del.setLong(1, replaced);
                      del.executeUpdate();
                    }
                  }
                  long id = insertDisposition(call, agentId, d, code, replaced != null);
                  insertDetails(id, call.objective(), d);
                  return null;
                });
          } finally {
            try (Statement st = writer.createStatement()) {
              st.execute("PRAGMA synchronous=NORMAL");
            } catch (SQLException e) {
              log.debug("synchronous=NORMAL not restored: {}", e.toString());
            }
          }
          wrote();
          return new SavedDisposition(d, false, existingId != null);
        });
  }

  /**
   * Records that the wrap-up deadline passed without a disposition; false if one was already there.
   */
  public CompletableFuture<Boolean> markUndisposed(String callId, String agentId) {
    return submit(
        () -> {
          requireStored(callId);
          try (PreparedStatement ps =
              writer.prepareStatement(
                  """
          INSERT OR IGNORE INTO dispositions (call_id, agent_id, code, advance_obtained, created_at)
          SELECT call_id, agent_id, 'UNDISPOSED', 0, ? FROM calls WHERE call_id = ? AND agent_id = ?""")) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setString(2, callId);
            ps.setString(3, agentId);
            boolean inserted = ps.executeUpdate() > 0;
            wrote();
            return inserted;
          }
        });
  }

  /**
   * At start: ended calls whose wrap-up has passed without a disposition become UNDISPOSED. Calls a
   * previous run left open are not touched here: call tracking takes them back ({@link #openCalls})
   * and asks Asterisk whether they are still up. Returns how many calls were marked.
   */
  public CompletableFuture<Integer> recoverAfterRestart(long nowMillis, long wrapUpMillis) {
    return submit(
        () -> {
          try (PreparedStatement ps =
              writer.prepareStatement(
                  """
          INSERT OR IGNORE INTO dispositions (call_id, agent_id, code, advance_obtained, created_at)
          SELECT c.call_id, c.agent_id, 'UNDISPOSED', 0, ? FROM calls c
          WHERE c.agent_id IS NOT NULL AND c.ended_at IS NOT NULL AND c.ended_at + ? < ?
            AND c.outcome <> 'INTERRUPTED'
            AND NOT EXISTS (SELECT 1 FROM dispositions d WHERE d.call_id = c.call_id)""")) {
            ps.setLong(1, nowMillis);
            ps.setLong(2, wrapUpMillis);
            ps.setLong(3, nowMillis);
            return ps.executeUpdate();
          }
        });
  }

  /**
   * Ids of the calls that started since {@code sinceMillis}, newest last (bounded by {@code
   * limit}).
   */
  public CompletableFuture<List<String>> callIdsSince(long sinceMillis, int limit) {
    return submit(
        () -> {
          List<String> ids = new ArrayList<>();
          try (PreparedStatement ps =
              writer.prepareStatement(
                  "SELECT call_id FROM (SELECT call_id, started_at FROM calls WHERE started_at >= ? ORDER BY started_at DESC"
                      + " LIMIT ?) ORDER BY started_at")) {
            ps.setLong(1, sinceMillis);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getString(1));
              }
            }
          }
          return ids;
        });
  }

  /** Calls a previous run left open (connected when it stopped), oldest first. */
  public CompletableFuture<List<CallRecord>> openCalls() {
    return submit(() -> callRecords("WHERE c.outcome = 'CONNECTED'"));
  }

  /** Agents' ended calls still waiting for a disposition, oldest first. */
  public CompletableFuture<List<CallRecord>> callsAwaitingDisposition() {
    return submit(
        () ->
            callRecords(
                """
        WHERE c.agent_id IS NOT NULL AND c.ended_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM dispositions d WHERE d.call_id = c.call_id)"""));
  }

  private List<CallRecord> callRecords(String where) throws SQLException {
    List<CallRecord> out = new ArrayList<>();
    try (PreparedStatement ps =
            writer.prepareStatement(
                """
        SELECT call_id, server, direction, queue, agent_id, caller_number, caller_name, linkedid, outcome, end_reason,
          hold_seconds, talk_seconds, started_at, connected_at, ended_at, objective_json, caller_uniqueid,
          other_uniqueid, member_interface, agent_channel, far_channel FROM calls c\s"""
                    + where
                    + " ORDER BY c.started_at");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
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
        out.add(
            new CallRecord(
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
                nullableLong(rs, 14),
                nullableLong(rs, 15),
                oc.objective(),
                oc.codes(),
                ch));
      }
    }
    return out;
  }

  private long insertDisposition(
      StoredCall call, String agentId, DispositionSubmit d, DispositionCode code, boolean late)
      throws SQLException {
    return Sql.insert(
        writer,
        """
        INSERT INTO dispositions (call_id, agent_id, code, advance_obtained, upsell_count, csat, notes, request_id,
          is_sale, is_contact, is_not_interested, is_callback, is_do_not_call, is_completed, late, created_at)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
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

  private void insertDetails(long id, ObjectiveView objective, DispositionSubmit d)
      throws SQLException {
    Set<String> done = new HashSet<>(d.checklistDone());
    if (objective != null && !objective.checklist().isEmpty()) {
      try (PreparedStatement ps =
          writer.prepareStatement(
              "INSERT INTO checklist_results (disposition_id, item_id, kind, required, done) VALUES (?,?,?,?,?)")) {
        for (ChecklistItem item : objective.checklist()) {
          ps.setLong(1, id);
          ps.setString(2, item.id());
          ps.setString(3, item.kind().wire());
          ps.setInt(4, item.required() ? 1 : 0);
          ps.setInt(5, done.contains(item.id()) ? 1 : 0);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    if (!d.upsellNotes().isEmpty()) {
      try (PreparedStatement ps =
          writer.prepareStatement(
              "INSERT INTO upsell_notes (disposition_id, seq, note) VALUES (?,?,?)")) {
        int seq = 0;
        for (String note : d.upsellNotes()) {
          ps.setLong(1, id);
          ps.setInt(2, seq++);
          ps.setString(3, note);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  private DispositionSubmit loadDisposition(long id, String callId) throws SQLException {
    List<String> done = new ArrayList<>();
    try (PreparedStatement ps =
        writer.prepareStatement(
            "SELECT item_id FROM checklist_results WHERE disposition_id = ? AND done = 1 ORDER BY item_id")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          done.add(rs.getString(1));
        }
      }
    }
    List<String> notes = new ArrayList<>();
    try (PreparedStatement ps =
        writer.prepareStatement(
            "SELECT note FROM upsell_notes WHERE disposition_id = ? ORDER BY seq")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          notes.add(rs.getString(1));
        }
      }
    }
    try (PreparedStatement ps =
        writer.prepareStatement(
            "SELECT request_id, code, advance_obtained, upsell_count, csat, notes FROM dispositions WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Integer csat = rs.getObject(5) == null ? null : rs.getInt(5);
        return new DispositionSubmit(
            rs.getString(1),
            callId,
            rs.getString(2),
            rs.getInt(3) == 1,
            done,
            rs.getInt(4),
            notes,
            csat,
            rs.getString(6));
      }
    }
  }

  private StoredCall findCall(String callId) throws SQLException {
    try (PreparedStatement ps =
        writer.prepareStatement(
            "SELECT agent_id, outcome, ended_at, objective_json FROM calls WHERE call_id = ?")) {
      ps.setString(1, callId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        Long ended = rs.getObject(3) == null ? null : rs.getLong(3);
        StoredObjective oc = StoredObjective.read(rs.getString(4));
        return new StoredCall(
            callId, rs.getString(1), rs.getString(2), ended, oc.objective(), oc.codes());
      }
    }
  }

  private static Long nullableLong(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }

  private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setLong(i, v);
    }
  }

  private interface Work<T> {
    T run() throws Exception;
  }

  private <T> CompletableFuture<T> submit(Work<T> work) {
    CompletableFuture<T> f = new CompletableFuture<>();
    try {
      writerThread.execute(
          () -> {
            try {
              f.complete(work.run());
            } catch (DispositionRejected | StoreUnavailable e) {
              f.completeExceptionally(e);
            } catch (SQLException e) {
              if (isTransient(e)) {
                failedTransiently(e); // one log line per outage, not per write
              } else {
                failures.incrementAndGet();
                log.error("database write failed: {}", e.toString());
              }
              f.completeExceptionally(e);
            } catch (Exception e) {
              failures.incrementAndGet();
              log.error("database write failed: {}", e.toString());
              f.completeExceptionally(e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      f.completeExceptionally(new IllegalStateException("store is closed"));
    }
    return f;
  }

  /**
   * Runs a read-only query on the reader connection and thread; sees everything committed so far.
   */
  <T> CompletableFuture<T> read(SqlFunction<T> fn) {
    CompletableFuture<T> f = new CompletableFuture<>();
    try {
      readerThread.execute(
          () -> {
            try {
              f.complete(fn.apply(reader));
            } catch (Exception e) {
              log.warn("database read failed: {}", e.toString());
              f.completeExceptionally(e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      f.completeExceptionally(new IllegalStateException("store is closed"));
    }
    return f;
  }

  /**
   * Runs a write (its own statements, committed on return) on the writer thread; SQL stays in this
   * package.
   */
  <T> CompletableFuture<T> write(SqlFunction<T> fn) {
    return submit(() -> fn.apply(writer));
  }

  /** A function over the JDBC connection, run on the writer thread. */
  public interface SqlFunction<T> {
    T apply(Connection c) throws SQLException;
  }

  @Override
  public void close() {
    retry.shutdownNow();
    readerThread.shutdownNow();
    submit(
        () -> {
          flushPending();
          flushUnsaved();
          if (!unsaved.isEmpty()) {
            log.error(
                "stopping with {} call rows the database would not take ({}): they are not stored",
                unsaved.size(),
                state.view().get("lastError"));
          }
          return null;
        });
    writerThread.shutdown();
    try {
      if (!writerThread.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("store writer did not finish within 10 s");
      }
      writer.close();
      reader.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      log.warn("closing database: {}", e.toString());
    }
  }
}
