package org.callobjectives.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the outbox in order on a thread and a connection of its own and hands each row to one
 * consumer, again and again with backoff until the consumer takes it: at least once, never out of
 * order, never on the writer thread. A durable dispatcher keeps its place in the database and goes
 * on from there after a restart; any other starts from what is written after it starts.
 */
public final class OutboxDispatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final int BATCH = 500;
  private static final long POLL_MS = 1000;
  private static final long EAGER_FIRST_MS = 1;
  private static final long EAGER_MAX_MS = 64;
  private static final long BACKOFF_FIRST_MS = 200;
  private static final long BACKOFF_MAX_MS = 30_000;
  // The database coming back is worth noticing sooner than a consumer that keeps refusing.
  private static final long RECONNECT_MAX_MS = 5_000;

  // A durable reader saves its place after each batch, and during a long one (slow consumers) at
  // least this often: after a crash at most this much is handed over again.
  private static final long SAVE_EVERY_MS = 1000;

  /**
   * Takes one outbox row; throwing means "not taken, try again later" (after the dispatcher's own
   * backoff, or after the delay a {@link RetryLater} names).
   */
  public interface Consumer {
    void deliver(OutboxEvent e) throws Exception;
  }

  /**
   * Thrown by a consumer with a backoff policy of its own: the row is offered again after {@code
   * delayMillis} (and nothing behind it before then).
   */
  public static final class RetryLater extends Exception {
    private final long delayMillis;

    public RetryLater(String message, long delayMillis) {
      super(message);
      this.delayMillis = Math.max(0, delayMillis);
    }

    public long delayMillis() {
      return delayMillis;
    }
  }

  private final Database db;
  private final String name;
  private final boolean durable;
  private final Consumer consumer;
  private final Semaphore wake = new Semaphore(0);
  private final Runnable waker = wake::release;
  private final Thread thread;
  private final AtomicLong delivered = new AtomicLong();
  private volatile boolean closed;
  private volatile Outbox.Position position;
  private volatile String problem;
  private volatile long problemSinceMillis;

  private OutboxDispatcher(Database db, String name, boolean durable, Consumer consumer) {
    this.db = db;
    this.name = name;
    this.durable = durable;
    this.consumer = consumer;
    this.thread = new Thread(this::run, "outbox-" + name);
    thread.setDaemon(true);
  }

  /** Starts reading; returns once the dispatcher knows its place. */
  static OutboxDispatcher start(Database db, String name, boolean durable, Consumer consumer)
      throws SQLException {
    OutboxDispatcher d = new OutboxDispatcher(db, name, durable, consumer);
    Outbox.Position saved;
    try (Connection c = db.dialect().openOutboxReader()) {
      saved = durable ? Outbox.cursor(c, name) : null;
      d.position = saved != null ? saved : Outbox.end(c, db.dialect());
    }
    if (durable && saved == null) {
      // A new durable reader begins from now, and keeps that place at once: a row written before
      // its first read must still be its after a restart.
      Outbox.Position p = d.position;
      try {
        db.write(
                w -> {
                  Outbox.saveCursor(w, name, p);
                  return null;
                })
            .get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof SQLException s
            ? s
            : new SQLException("cannot save the place of " + name + ": " + e.getCause(), e);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new SQLException("cannot save the place of " + name + ": timed out", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while saving the place of " + name, e);
      }
    }
    db.onOutboxAppended(d.waker);
    d.thread.start();
    return d;
  }

  private void run() {
    Connection c = null;
    long backoff = BACKOFF_FIRST_MS;
    long told = -1; // the newest transaction a notice named
    long eager = EAGER_FIRST_MS;
    while (!closed) {
      try {
        if (c == null) {
          c = db.dialect().openOutboxReader();
          if (problem != null) {
            recovered();
          }
        }
        int read = drain(c);
        if (position.txid() < told) {
          // Told of a transaction not readable yet: it waits behind one still running elsewhere
          // (typically a commit waiting for its WAL flush, a few ms). Look again soon, not at the
          // next notice or poll.
          Thread.sleep(eager);
          eager = Math.min(eager * 2, EAGER_MAX_MS);
          told = Math.max(told, db.dialect().awaitOutbox(c, wake, 0));
        } else {
          eager = EAGER_FIRST_MS;
          told = Math.max(told, db.dialect().awaitOutbox(c, wake, read > 0 ? 0 : POLL_MS));
        }
        backoff = BACKOFF_FIRST_MS;
      } catch (InterruptedException e) {
        break;
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          break;
        }
        trouble("cannot read the outbox: " + e.getMessage());
        closeQuietly(c);
        c = null;
        if (!sleep(backoff)) {
          break;
        }
        backoff = Math.min(backoff * 2, RECONNECT_MAX_MS);
      }
    }
    closeQuietly(c);
  }

  /** Delivers every readable row; returns how many. */
  private int drain(Connection c) throws SQLException, InterruptedException {
    int total = 0;
    while (!closed) {
      List<OutboxEvent> rows = Outbox.after(c, db.dialect(), position, BATCH);
      long saved = System.nanoTime();
      for (int i = 0; i < rows.size(); i++) {
        OutboxEvent e = rows.get(i);
        deliver(e);
        position = new Outbox.Position(e.txid(), e.id());
        if (durable
            && i < rows.size() - 1
            && System.nanoTime() - saved > SAVE_EVERY_MS * 1_000_000) {
          saveCursor();
          saved = System.nanoTime();
        }
      }
      total += rows.size();
      if (!rows.isEmpty() && durable) {
        saveCursor();
      }
      if (rows.size() < BATCH) {
        return total;
      }
    }
    return total;
  }

  /** Saves the place reached, on the writer thread (not waited for). */
  private void saveCursor() {
    Outbox.Position p = position;
    db.write(
        w -> {
          Outbox.saveCursor(w, name, p);
          return null;
        });
  }

  private void deliver(OutboxEvent e) throws InterruptedException {
    long backoff = BACKOFF_FIRST_MS;
    while (!closed) {
      try {
        consumer.deliver(e);
        delivered.incrementAndGet();
        if (problem != null) {
          recovered();
        }
        return;
      } catch (InterruptedException x) {
        throw x;
      } catch (RetryLater x) {
        trouble(
            "row "
                + e.id()
                + " ("
                + e.kind()
                + " "
                + e.callId()
                + ") not taken: "
                + x.getMessage());
        if (!sleep(x.delayMillis())) {
          throw new InterruptedException();
        }
      } catch (Exception x) {
        trouble("row " + e.id() + " (" + e.kind() + " " + e.callId() + ") not taken: " + x);
        if (!sleep(backoff)) {
          throw new InterruptedException();
        }
        backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
      }
    }
    throw new InterruptedException();
  }

  /** One log line when trouble starts, one when it ends; the rest is in {@link #health()}. */
  private void trouble(String what) {
    if (problem == null) {
      problemSinceMillis = System.currentTimeMillis();
      log.warn("outbox dispatcher {}: {}; retrying with backoff", name, what);
    }
    problem = what;
  }

  private void recovered() {
    log.info(
        "outbox dispatcher {} going again after {} s",
        name,
        (System.currentTimeMillis() - problemSinceMillis) / 1000);
    problem = null;
  }

  private boolean sleep(long millis) {
    try {
      Thread.sleep(millis);
      return !closed;
    } catch (InterruptedException e) {
      return false;
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (SQLException e) {
      // gone already
    }
  }

  /** For /health: the place reached, rows delivered, and what holds it up, if anything. */
  public Map<String, Object> health() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("durable", durable);
    m.put("lastId", position.id());
    m.put("delivered", delivered.get());
    m.put("problem", problem);
    m.put("problemSinceMillis", problem == null ? null : problemSinceMillis);
    return m;
  }

  public String name() {
    return name;
  }

  /** Rows the consumer took since start. */
  public long delivered() {
    return delivered.get();
  }

  /** What holds the dispatcher up now, or null when it is going. */
  public String problem() {
    return problem;
  }

  /** False once closed. */
  boolean running() {
    return !closed;
  }

  /** The place reached: the last row handed over (or passed at the start). */
  Outbox.Position position() {
    return position;
  }

  @Override
  public void close() {
    closed = true;
    db.removeOutboxWaker(waker);
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
