package org.callobjectives.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node listens to each AMI link: exactly one at a time. SQLite has one node (its file lock),
 * which holds every link. PostgreSQL: a session advisory lock per link on a connection of its own;
 * the database drops them all when that connection ends (the node stopped, died or lost the
 * network), and another node takes the links over.
 */
public final class LinkLeases implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LinkLeases.class);

  /** The first half of every link's lock key ("CoLk"); the second is the link name's hash. */
  static final int CLASS_ID = 0x436f4c6b;

  private static final Pattern PID = Pattern.compile("pid (\\d+)");

  private final PostgresDialect postgres;
  private final Set<String> held = new LinkedHashSet<>();
  private Connection session;
  private volatile boolean closed;
  private volatile Thread watcher;

  private LinkLeases(PostgresDialect postgres) {
    this.postgres = postgres;
  }

  static LinkLeases of(Dialect dialect) {
    return new LinkLeases(dialect instanceof PostgresDialect p ? p : null);
  }

  /** Whether another node may hold links of this database (PostgreSQL). */
  public boolean shared() {
    return postgres != null;
  }

  /**
   * Takes the link if no node holds it; true when this node holds it now (also when it did
   * already). Throws when the database cannot be asked.
   */
  public synchronized boolean tryTake(String link) throws SQLException {
    if (held.contains(link)) {
      return true;
    }
    if (postgres == null) {
      held.add(link);
      return true;
    }
    if (closed) {
      return false;
    }
    if (session == null) {
      // A query the network swallowed fails after 30 s; the watch then finds the session gone.
      session =
          postgres.openNamed("call-objectives links pid " + ProcessHandle.current().pid(), 30);
    }
    try (var ps = session.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
      ps.setInt(1, CLASS_ID);
      ps.setInt(2, link.hashCode());
      try (var rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return false;
        }
      }
    } catch (SQLException e) {
      if (held.isEmpty()) {
        // Nothing held on it: a new session next time is all it takes.
        closeSession();
      }
      throw e;
    }
    held.add(link);
    return true;
  }

  /** Lets the link go (it was removed from this node's configuration). */
  public synchronized void release(String link) {
    if (!held.remove(link) || postgres == null || session == null) {
      return;
    }
    try (var ps = session.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
      ps.setInt(1, CLASS_ID);
      ps.setInt(2, link.hashCode());
      ps.executeQuery().close();
    } catch (SQLException e) {
      log.warn("could not release the lease of AMI link {}: {}", link, e.getMessage());
    }
  }

  public synchronized boolean holds(String link) {
    return held.contains(link);
  }

  /**
   * Who holds the link, as "the node with PID n on address", or null when nobody does (or it cannot
   * be told).
   */
  public synchronized String holder(String link) {
    if (held.contains(link)) {
      return "this node";
    }
    if (postgres == null || session == null) {
      return null;
    }
    try (var ps =
        session.prepareStatement(
            "SELECT a.application_name, a.client_addr FROM pg_locks l"
                + " JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND l.classid = ? AND l.objid = ?")) {
      ps.setLong(1, Integer.toUnsignedLong(CLASS_ID));
      ps.setLong(2, Integer.toUnsignedLong(link.hashCode()));
      try (var rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        String app = rs.getString(1) == null ? "" : rs.getString(1);
        Matcher m = PID.matcher(app);
        return "the node"
            + (m.find() ? " with PID " + m.group(1) : "")
            + (rs.getString(2) == null ? "" : " on " + rs.getString(2));
      }
    } catch (SQLException e) {
      return null;
    }
  }

  /**
   * Checks every {@code everyMillis} that the session holding the leases is alive; runs {@code
   * onLost} once if it is not while it held any (another node may be listening to those links now).
   */
  public void watch(long everyMillis, Runnable onLost) {
    if (postgres == null) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              while (!closed) {
                try {
                  Thread.sleep(everyMillis);
                  if (!alive()) {
                    if (!closed) {
                      onLost.run();
                    }
                    return;
                  }
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "link-lease-watch");
    t.setDaemon(true);
    watcher = t;
    t.start();
  }

  /** False when leases were held on a session that is gone. */
  private synchronized boolean alive() {
    if (held.isEmpty() || session == null) {
      return true;
    }
    try {
      return session.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Test seam: the backend PID of the session holding the leases (0 when none). */
  public synchronized int sessionPidForTest() throws SQLException {
    if (session == null) {
      return 0;
    }
    return session.unwrap(org.postgresql.PGConnection.class).getBackendPID();
  }

  private void closeSession() {
    try {
      if (session != null) {
        session.close();
      }
    } catch (SQLException e) {
      // gone already
    }
    session = null;
  }

  @Override
  public synchronized void close() {
    closed = true;
    Thread w = watcher;
    if (w != null) {
      w.interrupt();
    }
    held.clear();
    closeSession();
  }
}
