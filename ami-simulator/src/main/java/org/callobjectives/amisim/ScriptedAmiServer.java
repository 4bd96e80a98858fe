package org.callobjectives.amisim;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real AMI socket server scripted by a test, in the spirit of OkHttp's MockWebServer: each
 * successive client connection logs in for real and is then sent the next scripted session's
 * packets, paced by their capture times or as fast as possible. Between sessions the socket is
 * closed so the client reconnects; after the last one the connection stays open and idle. The first
 * connections may be sent {@link RawStream}s instead (a peer that misbehaves), then the sessions.
 */
public final class ScriptedAmiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScriptedAmiServer.class);

  private final AmiWireServer wire;
  private final List<AmiTrace.Session> script;
  private final List<RawStream> raw;
  private final double speed;
  private final AtomicInteger nextSession = new AtomicInteger();
  private final AtomicInteger served = new AtomicInteger();
  private volatile CountDownLatch go = new CountDownLatch(0);

  /**
   * A server for the sessions on a loopback ephemeral port, accepting {@link
   * AmiWireServer#DEFAULT_USERNAME}/{@link AmiWireServer#DEFAULT_SECRET}.
   *
   * @param speed replay speed-up over the capture's pacing (10 = ten times faster); 0 = no pacing
   */
  public ScriptedAmiServer(List<AmiTrace.Session> sessions, double speed) {
    this(List.of(), sessions, speed);
  }

  /**
   * A server whose first connections are each sent one of the {@code raw} streams once logged in
   * (the client then normally drops them and reconnects), and the next ones the sessions.
   */
  public ScriptedAmiServer(List<RawStream> raw, List<AmiTrace.Session> sessions, double speed) {
    if (speed < 0 || Double.isNaN(speed)) {
      throw new IllegalArgumentException("speed must be >= 0");
    }
    this.raw = List.copyOf(raw);
    this.script = List.copyOf(sessions);
    this.speed = speed;
    this.wire = new AmiWireServer(InetAddress.getLoopbackAddress(), 0);
    wire.setHooks(new Hooks());
  }

  /** A server replaying every session of a trace. */
  public static ScriptedAmiServer replaying(AmiTrace trace, double speed) {
    return new ScriptedAmiServer(trace.sessions(), speed);
  }

  /**
   * Holds every replay after login until {@link #resume()}: a test makes its agents sign in first,
   * so calls are not over before anyone can be told of them. Call before {@link #start()}.
   */
  public ScriptedAmiServer paused() {
    go = new CountDownLatch(1);
    return this;
  }

  /** Lets the replays held by {@link #paused()} go on. */
  public void resume() {
    go.countDown();
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
    try {
      while (!go.await(100, TimeUnit.MILLISECONDS)) {
        if (connection.isClosed()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
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

  private static void stream(AmiSession connection, RawStream stream) {
    boolean open = connection.sendWhenDrained(stream.head);
    if (open) {
      stream.written.addAndGet(stream.head.length);
    }
    long left = stream.totalBytes;
    while (open && left > 0) {
      if (!stream.pause.isZero()) {
        long due = System.nanoTime() + stream.pause.toNanos();
        for (long wait; (wait = due - System.nanoTime()) > 0 && !connection.isClosed(); ) {
          LockSupport.parkNanos(wait);
        }
      }
      int n = (int) Math.min(stream.chunk.length, left);
      open =
          connection.sendWhenDrained(
              n == stream.chunk.length ? stream.chunk : Arrays.copyOf(stream.chunk, n));
      if (open) {
        stream.written.addAndGet(n);
        left -= n;
      }
    }
    LOG.info(
        "connection {}: raw stream {} after {} bytes",
        connection.id(),
        open ? "ended" : "cut off by the client",
        stream.written.get());
    stream.cutOff = !open;
    stream.ended.countDown();
  }

  /**
   * Bytes sent to one connection once it is logged in, with no AMI framing: for a peer that
   * misbehaves (from then on its actions get no reply, which would break into the stream). They are
   * handed over only as fast as the client reads them (at most a chunk or two ahead), so {@link
   * #bytesWritten()} tells how much the client took before it stopped reading. After the last byte
   * the connection stays open and idle.
   */
  public static final class RawStream {
    private final byte[] head;
    private final byte[] chunk;
    private final long totalBytes;
    private final Duration pause;
    private final AtomicLong written = new AtomicLong();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean cutOff;

    private RawStream(byte[] head, byte[] chunk, long totalBytes, Duration pause) {
      if (chunk.length == 0 || totalBytes < 0 || pause.isNegative()) {
        throw new IllegalArgumentException("chunk, total bytes or pause out of range");
      }
      this.head = head.clone();
      this.chunk = chunk.clone();
      this.totalBytes = totalBytes;
      this.pause = Objects.requireNonNull(pause, "pause");
    }

    /**
     * {@code head}, then {@code chunk} again and again up to {@code totalBytes} (the last one cut
     * short), with {@code pause} between writes ({@link Duration#ZERO}: as fast as the client
     * reads).
     */
    public static RawStream of(String head, String chunk, long totalBytes, Duration pause) {
      return new RawStream(
          head.getBytes(StandardCharsets.UTF_8),
          chunk.getBytes(StandardCharsets.UTF_8),
          totalBytes,
          pause);
    }

    /**
     * The start of an event whose last line never ends: {@code Event: VarSet}, then a {@code Value:
     * } line of {@code totalBytes} of 'x' without CR LF, written {@code chunkBytes} at a time with
     * {@code pause} between writes ({@link Duration#ZERO}: as fast as the client reads).
     */
    public static RawStream endlessLine(long totalBytes, int chunkBytes, Duration pause) {
      byte[] chunk = new byte[chunkBytes];
      Arrays.fill(chunk, (byte) 'x');
      byte[] head =
          "Event: VarSet\r\nPrivilege: dialplan,all\r\nVariable: BIG\r\nValue: "
              .getBytes(StandardCharsets.US_ASCII);
      return new RawStream(head, chunk, totalBytes, pause);
    }

    /** Bytes handed to the connection so far (what the client read, give or take a chunk). */
    public long bytesWritten() {
      return written.get();
    }

    /** True once the stream stopped because the client closed the connection. */
    public boolean cutOff() {
      return cutOff;
    }

    /** Waits until every byte was written or the client closed the connection; false on timeout. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
      return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Starts a raw stream or a replay for each connection that becomes ready, in connection order.
   */
  private final class Hooks implements AmiWireServer.SessionHooks {
    @Override
    public void onReady(AmiSession connection) {
      int turn = nextSession.getAndIncrement();
      if (turn < raw.size()) {
        RawStream stream = raw.get(turn);
        connection.mute(); // only the stream goes out, never a reply in the middle of it
        Thread thread = new Thread(() -> stream(connection, stream), "scripted-ami-raw-" + turn);
        thread.setDaemon(true);
        thread.start();
        return;
      }
      int index = turn - raw.size();
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
