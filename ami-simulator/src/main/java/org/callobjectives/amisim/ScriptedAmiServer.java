package org.callobjectives.amisim;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real AMI socket server scripted by a test, in the spirit of OkHttp's MockWebServer: each
 * successive client connection logs in for real and is then sent the next scripted session's
 * packets, paced by their capture times or as fast as possible. Between sessions the socket is
 * closed so the client reconnects; after the last one the connection stays open and idle.
 */
public final class ScriptedAmiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScriptedAmiServer.class);

  private final AmiWireServer wire;
  private final List<AmiTrace.Session> script;
  private final double speed;
  private final AtomicInteger nextSession = new AtomicInteger();
  private final AtomicInteger served = new AtomicInteger();

  /**
   * A server for the sessions on a loopback ephemeral port, accepting {@link
   * AmiWireServer#DEFAULT_USERNAME}/{@link AmiWireServer#DEFAULT_SECRET}.
   *
   * @param speed replay speed-up over the capture's pacing (10 = ten times faster); 0 = no pacing
   */
  public ScriptedAmiServer(List<AmiTrace.Session> sessions, double speed) {
    if (speed < 0 || Double.isNaN(speed)) {
      throw new IllegalArgumentException("speed must be >= 0");
    }
    this.script = List.copyOf(sessions);
    this.speed = speed;
    this.wire = new AmiWireServer(InetAddress.getLoopbackAddress(), 0);
    wire.setHooks(new Hooks());
  }

  /** A server replaying every session of a trace. */
  public static ScriptedAmiServer replaying(AmiTrace trace, double speed) {
    return new ScriptedAmiServer(trace.sessions(), speed);
  }

  /** Binds and starts accepting connections. */
  public ScriptedAmiServer start() throws IOException {
    wire.start();
    return this;
  }

  /** The bound port. */
  public int port() {
    return wire.port();
  }

  /**
   * The underlying wire server: action log, {@code sendRaw}, {@code dropAllConnections}, login
   * switch.
   */
  public AmiWireServer wire() {
    return wire;
  }

  /** Every action the clients sent, in arrival order. */
  public List<AmiAction> actionsReceived() {
    return wire.actionsReceived();
  }

  /** Sessions whose packets have all been handed to a connection so far. */
  public int sessionsServed() {
    return served.get();
  }

  /** Waits until {@code count} sessions have been served; false on timeout. */
  public boolean awaitSessionsServed(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (served) {
      while (served.get() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(served, left);
      }
      return true;
    }
  }

  /** Waits until every scripted session has been served; false on timeout. */
  public boolean awaitDone(Duration timeout) throws InterruptedException {
    return awaitSessionsServed(script.size(), timeout);
  }

  /** Stops the server and every connection. */
  @Override
  public void close() {
    wire.close();
  }

  private void replay(AmiSession connection, int index) {
    AmiTrace.Session session = script.get(index);
    long startNanos = System.nanoTime();
    for (AmiTrace.Packet packet : session.packets()) {
      if (speed > 0) {
        long due = startNanos + (long) ((packet.seconds() - session.startSeconds()) / speed * 1e9);
        for (long wait; (wait = due - System.nanoTime()) > 0 && !connection.isClosed(); ) {
          LockSupport.parkNanos(wait);
        }
      }
      if (!connection.send(packet.bytes())) {
        LOG.info("connection {} closed during scripted session {}", connection.id(), index);
        return;
      }
    }
    boolean last = index == script.size() - 1;
    if (!last) {
      // Like Asterisk going away: the client sees end of stream and reconnects for the next
      // session.
      connection.closeAfterDrain();
    }
    synchronized (served) {
      served.incrementAndGet();
      served.notifyAll();
    }
  }

  /** Starts a replay for each connection that becomes ready, in connection order. */
  private final class Hooks implements AmiWireServer.SessionHooks {
    @Override
    public void onReady(AmiSession connection) {
      int index = nextSession.getAndIncrement();
      if (index >= script.size()) {
        return; // script exhausted: the connection just stays idle, answering actions
      }
      Thread thread = new Thread(() -> replay(connection, index), "scripted-ami-replay-" + index);
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void onClosed(AmiSession connection) {
      // Nothing to do: an interrupted replay ends by itself when its sends fail.
    }
  }
}
