package org.callobjectives.server.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The database the server writes to, opened and migrated at start, and its repositories: calls,
 * dispositions, statistics, caller history, proposals, audit. SQLite (a file, the embedded default)
 * or PostgreSQL (a URL, shared by several nodes); the repositories' SQL is the same on both.
 */
public final class Store implements AutoCloseable {
  public static final String UNDISPOSED = "UNDISPOSED";

  private final DatabaseLocation location;
  private final Database db;
  private final SqlCallStore calls;
  private final SqlDispositionStore dispositions;
  private final SqlStatsStore stats;
  private final SqlExperimentStore experiments;
  private final SqlSessionStore sessions;
  private final CallerHistory callerHistory;
  private final FunnelStore funnel;
  private final Proposals proposals;
  private final AuditLog auditLog;
  private final WebhookFailures webhookFailures;
  private final List<OutboxDispatcher> dispatchers = new CopyOnWriteArrayList<>();
  private final LinkLeases leases;
  private final NodeSignals signals;

  /** How long outbox rows are kept once every durable reader has passed them. */
  static final long OUTBOX_KEEP_MILLIS = java.util.concurrent.TimeUnit.DAYS.toMillis(7);

  private Store(DatabaseLocation location, Database db) {
    this.location = location;
    this.db = db;
    this.calls = new SqlCallStore(db);
    this.dispositions = new SqlDispositionStore(db, calls);
    this.stats = new SqlStatsStore(db);
    this.experiments = new SqlExperimentStore(db);
    this.sessions = new SqlSessionStore(db);
    this.callerHistory = new CallerHistory(db);
    this.funnel = new FunnelStore(db);
    this.proposals = new Proposals(db);
    this.auditLog = new AuditLog(db);
    this.webhookFailures = new WebhookFailures(db);
    this.leases = LinkLeases.of(db.dialect());
    this.signals = NodeSignals.of(db.dialect(), db.nodeId());
    db.every(
        java.util.concurrent.TimeUnit.HOURS.toMillis(1),
        c -> pruneOutbox(c, System.currentTimeMillis()));
    db.every(
        java.util.concurrent.TimeUnit.HOURS.toMillis(1),
        c -> WebhookFailures.prune(c, System.currentTimeMillis() - WebhookFailures.KEEP_MILLIS));
  }

  private static int pruneOutbox(java.sql.Connection c, long now) throws SQLException {
    return Outbox.prune(c, now - OUTBOX_KEEP_MILLIS);
  }

  /** Deletes outbox rows older than a week that every durable reader has read; returns how many. */
  CompletableFuture<Integer> pruneOutbox(long nowMillis) {
    return db.write(c -> pruneOutbox(c, nowMillis));
  }

  public static Store open(Path file) throws SQLException {
    return open(file, 5000);
  }

  /**
   * Opens (creating and migrating) a SQLite file; {@code busyTimeoutMs} is how long a write waits
   * for a lock.
   */
  public static Store open(Path file, int busyTimeoutMs) throws SQLException {
    return new Store(
        DatabaseLocation.sqlite(file),
        Database.open(new SqliteDialect(file, busyTimeoutMs), Clock.systemUTC()));
  }

  /** Opens (creating and migrating) the database at {@code location}. */
  public static Store open(DatabaseLocation location) throws SQLException {
    if (!location.postgres()) {
      return open(location.file());
    }
    return new Store(
        location, Database.open(new PostgresDialect(location.jdbcUrl()), Clock.systemUTC()));
  }

  /** The executor, for tests in this package. */
  Database database() {
    return db;
  }

  public DatabaseLocation location() {
    return location;
  }

  public CallStore calls() {
    return calls;
  }

  public DispositionStore dispositions() {
    return dispositions;
  }

  /** Browser sessions, kept across restarts and shared by the nodes. */
  public SessionStore sessions() {
    return sessions;
  }

  public StatsStore stats() {
    return stats;
  }

  public ExperimentStore experiments() {
    return experiments;
  }

  public CallerHistory callerHistory() {
    return callerHistory;
  }

  /** The chain of advances' rows for the funnel. */
  public FunnelStore funnel() {
    return funnel;
  }

  public Proposals proposals() {
    return proposals;
  }

  public AuditLog auditLog() {
    return auditLog;
  }

  /** Webhook deliveries refused for good, for the admin page. */
  public WebhookFailures webhookFailures() {
    return webhookFailures;
  }

  /** Which AMI links this node listens to (on PostgreSQL, each link by one node at a time). */
  public LinkLeases leases() {
    return leases;
  }

  /** Passing short-lived facts (who is signed in where, queue member events) to other nodes. */
  public NodeSignals signals() {
    return signals;
  }

  /** This process among the nodes writing to the database (the outbox rows' origin). */
  public String nodeId() {
    return db.nodeId();
  }

  /**
   * Starts handing outbox rows to {@code consumer} on a thread of its own, in order, at least once.
   * A {@code durable} one keeps its place under {@code name} across restarts; any other begins with
   * the rows written from now on.
   */
  public OutboxDispatcher dispatch(String name, boolean durable, OutboxDispatcher.Consumer consumer)
      throws SQLException {
    OutboxDispatcher d = OutboxDispatcher.start(db, name, durable, consumer);
    dispatchers.removeIf(old -> old.name().equals(name) && !old.running());
    dispatchers.add(d);
    return d;
  }

  /** The outbox readers running on this store. */
  public List<OutboxDispatcher> dispatchers() {
    return dispatchers.stream().filter(OutboxDispatcher::running).toList();
  }

  /**
   * How many rows of these kinds the durable reader {@code name} has still to read: from its place
   * in this process if it runs here, else from its saved place; null when it never read.
   */
  public CompletableFuture<Long> outboxBacklog(String name, java.util.Collection<String> kinds) {
    OutboxDispatcher running = null;
    for (OutboxDispatcher d : dispatchers) {
      if (d.name().equals(name) && d.running()) {
        running = d;
      }
    }
    Outbox.Position here = running == null ? null : running.position();
    List<String> wanted = List.copyOf(kinds);
    return db.read(
        c -> {
          Outbox.Position p = here != null ? here : Outbox.cursor(c, name);
          return p == null ? null : Outbox.countAfter(c, db.dialect(), p, wanted);
        });
  }

  /**
   * Forgets the places of the durable readers named {@code prefix}... other than {@code keep}
   * (readers no longer configured, whose places would keep old rows forever); returns their names.
   */
  public CompletableFuture<List<String>> forgetOutboxReaders(
      String prefix, java.util.Set<String> keep) {
    return db.write(
        c -> {
          List<String> gone = new java.util.ArrayList<>();
          for (String name : Outbox.readers(c, prefix)) {
            if (!keep.contains(name) && Outbox.dropCursor(c, name)) {
              gone.add(name);
            }
          }
          return gone;
        });
  }

  /** Failed writes since start. */
  public long failures() {
    return db.failures();
  }

  /** Whether the last write succeeded. */
  public boolean writable() {
    return db.writable();
  }

  /**
   * The store's state for /health: which database, writable or not since when, the last error, rows
   * waiting, and the database's own figures (SQLite: WAL size).
   */
  public Map<String, Object> health() {
    Map<String, Object> m = db.health();
    m.put("callRowsWaiting", calls.unsavedCalls());
    m.put("callRowsLost", calls.lostCallRows());
    Map<String, Object> outbox = new LinkedHashMap<>();
    dispatchers.forEach(d -> outbox.put(d.name(), d.health()));
    m.put("outbox", outbox);
    return m;
  }

  /** Size of SQLite's write-ahead log file (0 when absent or truncated, or not SQLite). */
  public long walBytes() {
    return db.dialect() instanceof SqliteDialect s ? s.walBytes() : 0;
  }

  /**
   * Test seam: SQLite's {@code max_page_count} on the writer connection, to make the database full
   * without filling a disk (1: no new page from now on; a large value: room again). Returns the
   * value in force.
   */
  public CompletableFuture<Long> maxPageCountForTest(long pages) {
    if (!(db.dialect() instanceof SqliteDialect)) {
      return CompletableFuture.failedFuture(new IllegalStateException("SQLite only"));
    }
    return db.write(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("PRAGMA max_page_count = " + pages)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Override
  public void close() {
    dispatchers.forEach(OutboxDispatcher::close);
    leases.close();
    signals.close();
    db.close(calls::flushAtClose);
  }
}
