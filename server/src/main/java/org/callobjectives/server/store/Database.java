package org.callobjectives.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.callobjectives.server.domain.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's executor: every write on one writer thread and connection so the Netty event loops
 * and the call-tracking thread never wait for the database; reports on a reader thread and
 * connection beside it. A connection the database dropped is opened again before the next piece of
 * work. Repositories hand it SQL; the {@link Dialect} hides what differs between databases.
 */
final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Store.class);

  /** A function over the JDBC connection, run on the writer or the reader thread. */
  interface SqlFunction<T> {
    T apply(Connection c) throws SQLException;
  }

  /** Work on the writer thread, which may also refuse a disposition. */
  interface Write<T> {
    T apply(Connection c) throws SQLException, DispositionRejected;
  }

  /** Work that is held while the database refuses writes and retried every second. */
  interface Backlog {
    /** On the writer thread: writes what is held; may throw or stop at the first refusal. */
    void retry();

    /** Nothing is held. */
    boolean empty();
  }

  private final Dialect dialect;
  private final String nodeId;
  private final ExecutorService writerThread;
  private final ExecutorService readerThread;
  private final ScheduledExecutorService ticker;
  private final StoreState state;
  private final AtomicLong failures = new AtomicLong();
  private final List<Backlog> backlogs = new CopyOnWriteArrayList<>();
  private final List<Runnable> outboxWakers = new CopyOnWriteArrayList<>();
  // Confined to their threads (closed after those stopped).
  private volatile Connection writer;
  private volatile Connection reader;

  private Database(Dialect dialect, Connection writer, Connection reader, Clock clock) {
    this.dialect = dialect;
    this.nodeId = newNodeId();
    this.writer = writer;
    this.reader = reader;
    this.state = new StoreState(clock);
    this.writerThread = Executors.newSingleThreadExecutor(Threads.daemon("store-writer"));
    this.readerThread = Executors.newSingleThreadExecutor(Threads.daemon("store-reader"));
    this.ticker = Executors.newSingleThreadScheduledExecutor(Threads.daemon("store-retry"));
    ticker.scheduleWithFixedDelay(() -> execute(this::tick), 1, 1, TimeUnit.SECONDS);
  }

  /** Migrates the schema, then opens the writer and reader connections. */
  static Database open(Dialect dialect, Clock clock) throws SQLException {
    String version = dialect.migrate();
    Connection w = dialect.openWriter();
    Connection r;
    try {
      r = dialect.openReader();
    } catch (SQLException e) {
      w.close();
      throw e;
    }
    log.info("{} database ready (schema version {})", dialect.name(), version);
    return new Database(dialect, w, r, clock);
  }

  Dialect dialect() {
    return dialect;
  }

  /** This process's store among the nodes writing to one database: host, PID and a random part. */
  String nodeId() {
    return nodeId;
  }

  private static String newNodeId() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "host";
    }
    return host + ":" + ProcessHandle.current().pid() + ":" + java.util.UUID.randomUUID();
  }

  /** Runs {@code work} on the writer thread every {@code periodMillis} (housekeeping). */
  void every(long periodMillis, Write<?> work) {
    ticker.scheduleWithFixedDelay(
        () -> write(work), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  void addBacklog(Backlog b) {
    backlogs.add(b);
  }

  void onOutboxAppended(Runnable waker) {
    outboxWakers.add(waker);
  }

  void removeOutboxWaker(Runnable waker) {
    outboxWakers.remove(waker);
  }

  /** After a commit that appended outbox rows: wakes this process's outbox readers. */
  void outboxAppended() {
    outboxWakers.forEach(Runnable::run);
  }

  /** Every second on the writer thread: retry held work, then the dialect's housekeeping. */
  private void tick() {
    for (Backlog b : backlogs) {
      if (!b.empty()) {
        b.retry();
      }
    }
    if (writer != null) {
      dialect.tick(writer, caughtUp());
    }
  }

  /**
   * Runs {@code work} on the writer thread without opening a connection first: work that holds what
   * it cannot write (call rows) must run even while the database cannot be reached.
   */
  void execute(Runnable work) {
    try {
      writerThread.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException e) {
              failures.incrementAndGet();
              log.error("store work failed", e);
            }
          });
    } catch (RejectedExecutionException e) {
      log.debug("store closed: work dropped");
    }
  }

  private boolean caughtUp() {
    for (Backlog b : backlogs) {
      if (!b.empty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * A write committed. The outage ends only once no held work waits: on a full disk small writes
   * still fit now and then, and that is not the end of it.
   */
  void wrote() {
    if (caughtUp() && state.succeeded()) {
      dialect.outageEnded();
    }
  }

  /** A write failed; a transient failure starts (or continues) an outage, others are logged. */
  void failed(SQLException e, String what) {
    failures.incrementAndGet();
    if (dialect.isTransient(e)) {
      state.failed(e);
    } else {
      log.error("{} failed: {}", what, e.toString());
    }
  }

  boolean isTransient(SQLException e) {
    return dialect.isTransient(e);
  }

  boolean writable() {
    return state.writable();
  }

  long failures() {
    return failures.get();
  }

  Map<String, Object> health() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("database", dialect.name());
    m.putAll(state.view());
    m.putAll(dialect.health());
    return m;
  }

  /** Runs {@code body} in one transaction on the writer connection (writer thread only). */
  <T> T inTransaction(SqlFunction<T> body) throws SQLException {
    Connection c = writer();
    try {
      return Transactions.inTransaction(c, dialect, body);
    } catch (SQLException e) {
      if (!dialect.isTransient(e) || c.isValid(2)) {
        throw e;
      }
      // The database dropped an idle connection (a restart, a proxy's timeout): the transaction
      // changed nothing; once more on a new connection before calling it an outage.
      log.info(
          "{} dropped the writer's connection ({}): once more on a new one",
          dialect.name(),
          e.getMessage());
      closeQuietly(c);
      writer = usable(null, true);
      return Transactions.inTransaction(writer, dialect, body);
    }
  }

  /** The writer connection as it is, without checking or opening it. */
  Connection writerIfOpen() {
    return writer;
  }

  /** The writer connection, opened again if the database dropped it (writer thread only). */
  Connection writer() throws SQLException {
    writer = usable(writer, true);
    return writer;
  }

  private Connection usable(Connection c, boolean forWriter) throws SQLException {
    if (c != null && !c.isClosed() && (state.writable() || c.isValid(2))) {
      return c;
    }
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        log.debug("closing a dropped connection: {}", e.toString());
      }
    }
    try {
      Connection fresh = forWriter ? dialect.openWriter() : dialect.openReader();
      log.info("{} connection opened again", dialect.name());
      return fresh;
    } catch (SQLException e) {
      StoreUnavailable u = new StoreUnavailable("cannot reach the database: " + e.getMessage());
      state.failed(u);
      throw u;
    }
  }

  /**
   * Runs {@code work} on the writer thread. A refusal ({@link DispositionRejected}, {@link
   * StoreUnavailable}) fails the future quietly; a database error is counted and logged.
   */
  <T> CompletableFuture<T> write(Write<T> work) {
    CompletableFuture<T> f = new CompletableFuture<>();
    try {
      writerThread.execute(
          () -> {
            try {
              f.complete(onLiveConnection(work, true));
            } catch (DispositionRejected | StoreUnavailable e) {
              f.completeExceptionally(e);
            } catch (SQLException e) {
              failed(e, "database write");
              f.completeExceptionally(e);
            } catch (RuntimeException e) {
              failures.incrementAndGet();
              log.error("database write failed", e);
              f.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      f.completeExceptionally(new IllegalStateException("store is closed"));
    }
    return f;
  }

  /** Runs a read-only query on the reader connection and thread; sees everything committed. */
  <T> CompletableFuture<T> read(SqlFunction<T> fn) {
    CompletableFuture<T> f = new CompletableFuture<>();
    try {
      readerThread.execute(
          () -> {
            try {
              f.complete(onLiveConnection(fn::apply, false));
            } catch (Exception e) {
              log.warn("database read failed: {}", e.toString());
              if (e instanceof SQLException s && dialect.isTransient(s)) {
                closeQuietly(reader);
                reader = null;
              }
              f.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      f.completeExceptionally(new IllegalStateException("store is closed"));
    }
    return f;
  }

  /**
   * Runs {@code work} on the writer's or the reader's connection. When it fails because the
   * database dropped that connection (a restart, a proxy's idle timeout), it runs once more on a
   * new one: a failed transaction changed nothing, and an ambiguous commit of a disposition is
   * found again by its unique key.
   */
  private <T> T onLiveConnection(Write<T> work, boolean forWriter)
      throws SQLException, DispositionRejected {
    Connection c = forWriter ? writer() : (reader = usable(reader, false));
    try {
      return work.apply(c);
    } catch (SQLException e) {
      if (!dialect.isTransient(e) || c.isValid(2)) {
        throw e;
      }
      log.info(
          "{} dropped a connection ({}): trying once more on a new one",
          dialect.name(),
          e.getMessage());
      closeQuietly(c);
      Connection fresh = usable(null, forWriter);
      if (forWriter) {
        writer = fresh;
      } else {
        reader = fresh;
      }
      return work.apply(fresh);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (SQLException e) {
      // already gone
    }
  }

  /**
   * Stops the threads after {@code last} ran on the writer (the repositories' final flush) and
   * closes the connections.
   */
  void close(Runnable last) {
    ticker.shutdownNow();
    readerThread.shutdownNow();
    execute(last);
    writerThread.shutdown();
    try {
      if (!writerThread.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("store writer did not finish within 10 s");
      }
      readerThread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(writer);
    closeQuietly(reader);
    dialect.close();
  }

  @Override
  public void close() {
    close(() -> {});
  }

  /** Why the last write failed, for the final log line. */
  Object lastError() {
    return state.view().get("lastError");
  }
}
