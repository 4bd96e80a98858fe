package org.callobjectives.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.callobjectives.protocol.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passing facts that last only as long as they are true (who is signed in where, queue member
 * events) between the nodes of one PostgreSQL database: {@code NOTIFY} on a channel of their own,
 * packed several to a notice, nothing kept. A node that was away asks the others to say again what
 * holds now ({@link #onConnected}). On SQLite there are no other nodes: nothing is sent.
 */
public final class NodeSignals implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NodeSignals.class);
  static final String CHANNEL = "call_objectives_signals";
  static final String APP_PREFIX = "call-objectives signals ";
  // PostgreSQL takes up to about 8,000 bytes per notice; leave room for the envelope.
  static final int MAX_PAYLOAD = 7000;
  static final int MAX_MESSAGE = 3000;
  private static final long RECONNECT_MAX_MS = 5000;

  private final PostgresDialect postgres;
  private final String node;
  private final BlockingQueue<String> outgoing = new LinkedBlockingQueue<>(200_000);
  private final List<Consumer<String>> consumers = new CopyOnWriteArrayList<>();
  private final List<Runnable> connected = new CopyOnWriteArrayList<>();
  private final List<Consumer<String>> gone = new CopyOnWriteArrayList<>();
  // Receiving thread only: the nodes heard from, checked against pg_stat_activity now and then.
  private final Set<String> heard = new HashSet<>();
  static final long LIVENESS_EVERY_MS = 3000;
  private volatile boolean closed;
  private volatile Thread sender;
  private volatile Thread receiver;

  private NodeSignals(PostgresDialect postgres, String nodeId) {
    this.postgres = postgres;
    // The short, unique part: PostgreSQL keeps 63 bytes of an application name.
    this.node = nodeId.substring(nodeId.lastIndexOf(':') + 1);
  }

  static NodeSignals of(Dialect dialect, String nodeId) {
    return new NodeSignals(dialect instanceof PostgresDialect p ? p : null, nodeId);
  }

  /** Whether other nodes may be listening (PostgreSQL). */
  public boolean shared() {
    return postgres != null;
  }

  /** This node as other nodes' signals name it. */
  public String node() {
    return node;
  }

  /**
   * Sends one JSON message to every other node; never blocks (beyond 200,000 waiting, messages are
   * dropped and said).
   */
  public void send(String json) {
    if (postgres == null || closed) {
      return;
    }
    // Escaped inside the envelope a message may grow to twice its size.
    if (json.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE) {
      log.warn("node signal too large to send ({} characters): dropped", json.length());
      return;
    }
    if (!outgoing.offer(json)) {
      log.warn("node signals: 200,000 waiting to be sent, dropped one");
    }
  }

  /**
   * Takes every message other nodes send, on one thread, in the order each node sent them. Call
   * before {@link #start}.
   */
  public void listen(Consumer<String> consumer) {
    consumers.add(consumer);
  }

  /**
   * Runs each time this node starts listening, at start and after a lost connection: what other
   * nodes said meanwhile is gone, so this is where to ask them to say it again.
   */
  public void onConnected(Runnable r) {
    connected.add(r);
  }

  /** Starts the sending and receiving threads (PostgreSQL only). */
  public void start() {
    if (postgres == null || receiver != null) {
      return;
    }
    receiver = thread("signals-in", this::receive);
    sender = thread("signals-out", this::sendLoop);
  }

  private static Thread thread(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * Runs (on the receiving thread) when a node that sent signals stops listening: it stopped, died
   * or lost the database, and what it said no longer holds.
   */
  public void onNodeGone(Consumer<String> listener) {
    gone.add(listener);
  }

  private void receive() {
    long backoff = 200;
    while (!closed) {
      Connection c = null;
      try {
        c = postgres.openNamed(APP_PREFIX + node, 30);
        Transactions.exec(c, "LISTEN " + CHANNEL);
        backoff = 200;
        for (Runnable r : connected) {
          r.run();
        }
        var pg = c.unwrap(org.postgresql.PGConnection.class);
        long nextCheck = System.nanoTime();
        while (!closed) {
          org.postgresql.PGNotification[] got = pg.getNotifications(200);
          if (got != null) {
            for (var n : got) {
              deliver(n.getParameter());
            }
          }
          if (System.nanoTime() - nextCheck >= 0) {
            checkLiveness(c);
            nextCheck = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIVENESS_EVERY_MS);
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!closed) {
          log.warn("node signals: not listening ({}); again in {} ms", e.getMessage(), backoff);
        }
      } finally {
        closeQuietly(c);
      }
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        return;
      }
      backoff = Math.min(backoff * 2, RECONNECT_MAX_MS);
    }
  }

  /** Tells who stopped listening among the nodes heard from. */
  private void checkLiveness(Connection c) throws SQLException {
    if (heard.isEmpty()) {
      return;
    }
    Set<String> live = new HashSet<>();
    try (var ps =
        c.prepareStatement(
            "SELECT application_name FROM pg_stat_activity WHERE datname = current_database()"
                + " AND application_name LIKE ?")) {
      ps.setString(1, APP_PREFIX + "%");
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          live.add(rs.getString(1).substring(APP_PREFIX.length()));
        }
      }
    }
    for (var it = heard.iterator(); it.hasNext(); ) {
      String n = it.next();
      if (!live.contains(n)) {
        it.remove();
        log.info("node {} stopped listening: what it said of its agents no longer holds", n);
        for (Consumer<String> l : gone) {
          l.accept(n);
        }
      }
    }
  }

  private void deliver(String payload) {
    JsonNode env;
    try {
      env = Json.mapper().readTree(payload);
    } catch (java.io.IOException e) {
      log.warn("node signals: unreadable notice skipped: {}", e.getMessage());
      return;
    }
    String origin = env.path("origin").asText();
    if (node.equals(origin)) {
      return;
    }
    heard.add(origin);
    for (JsonNode m : env.path("messages")) {
      for (Consumer<String> consumer : consumers) {
        try {
          consumer.accept(m.asText());
        } catch (RuntimeException e) {
          log.warn("node signal {} not taken: {}", m.asText(), e.toString());
        }
      }
    }
  }

  private void sendLoop() {
    Connection c = null;
    List<String> batch = new ArrayList<>();
    long backoff = 200;
    while (!closed) {
      try {
        if (batch.isEmpty()) {
          String first = outgoing.poll(1, TimeUnit.SECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          outgoing.drainTo(batch, 2000);
        }
        if (c == null) {
          c =
              postgres.openNamed(
                  "call-objectives signals-out pid " + ProcessHandle.current().pid(), 30);
          // A notice takes a transaction id: let it end without waiting for a WAL flush, so that
          // it never holds back the outbox readers' horizon (nothing here needs to be durable).
          Transactions.exec(c, "SET synchronous_commit TO off");
        }
        for (String payload : pack(batch)) {
          try (var ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, payload);
            ps.executeQuery().close();
          }
        }
        batch.clear();
        backoff = 200;
      } catch (InterruptedException e) {
        break;
      } catch (SQLException e) {
        // Facts that held a moment ago: kept and sent once the database answers again.
        log.warn("node signals: cannot send ({}); again in {} ms", e.getMessage(), backoff);
        closeQuietly(c);
        c = null;
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException x) {
          break;
        }
        backoff = Math.min(backoff * 2, RECONNECT_MAX_MS);
      }
    }
    closeQuietly(c);
  }

  /** Messages packed into notices of at most {@link #MAX_PAYLOAD} bytes, in order. */
  List<String> pack(List<String> messages) {
    List<String> out = new ArrayList<>();
    ObjectNode env = envelope();
    int size = 100;
    for (String m : messages) {
      int len = m.getBytes(StandardCharsets.UTF_8).length + 16;
      if (size + len > MAX_PAYLOAD && env.withArray("messages").size() > 0) {
        out.add(env.toString());
        env = envelope();
        size = 100;
      }
      env.withArray("messages").add(m);
      size += len * 2; // quotes and backslashes escaped inside the envelope
    }
    if (env.withArray("messages").size() > 0) {
      out.add(env.toString());
    }
    return out;
  }

  private ObjectNode envelope() {
    ObjectNode env = Json.mapper().createObjectNode();
    env.put("origin", node);
    env.putArray("messages");
    return env;
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

  @Override
  public void close() {
    closed = true;
    for (Thread t : new Thread[] {sender, receiver}) {
      if (t != null) {
        t.interrupt();
      }
    }
  }
}
