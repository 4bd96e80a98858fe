package org.callobjectives.amisim;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: a reader thread that answers actions and a writer thread that drains a
 * bounded outbound queue, so a slow or dead client can only ever fill its own queue.
 */
final class AmiSession {
  private static final Logger LOG = LoggerFactory.getLogger(AmiSession.class);
  static final byte[] BANNER =
      ("Asterisk Call Manager/" + AmiProtocol.AMI_VERSION + "\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  /**
   * Queued (by identity) to make the writer half-close the socket once everything before it is
   * written.
   */
  private static final byte[] CLOSE_MARKER = new byte[0];

  /** How long a half-closed session waits for the client to hang up before closing anyway. */
  private static final long LINGER_MILLIS = 5_000;

  /**
   * Callbacks into the owning server; all are invoked on session or timer threads and must be
   * quick.
   */
  interface Listener {
    void onAction(AmiSession session, AmiAction action);

    void onLoggedIn(AmiSession session);

    void onVersionProbe(AmiSession session);

    void onClosed(AmiSession session);
  }

  private final int id;
  private final Socket socket;
  private final AmiProtocol protocol;
  private final Listener listener;
  private final BlockingQueue<byte[]> outbound;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong dropped = new AtomicLong();
  private final CountDownLatch closedSignal = new CountDownLatch(1);
  private final AtomicBoolean ready = new AtomicBoolean();
  // A peer stuck in a raw stream answers nothing: a reply's empty line would end its packet.
  private volatile boolean muted;
  private final Thread reader;
  private final Thread writer;

  AmiSession(int id, Socket socket, AmiProtocol protocol, Listener listener, int queueCapacity) {
    this.id = id;
    this.socket = socket;
    this.protocol = protocol;
    this.listener = listener;
    this.outbound = new ArrayBlockingQueue<>(queueCapacity);
    this.reader = new Thread(this::readLoop, "ami-session-" + id + "-reader");
    this.writer = new Thread(this::writeLoop, "ami-session-" + id + "-writer");
    reader.setDaemon(true);
    writer.setDaemon(true);
  }

  void start() {
    outbound.add(BANNER);
    writer.start();
    reader.start();
  }

  int id() {
    return id;
  }

  boolean authenticated() {
    return protocol.authenticated() && !closed.get();
  }

  boolean isClosed() {
    return closed.get();
  }

  /** True exactly once: the first time the session is declared ready for events after login. */
  boolean markReady() {
    return ready.compareAndSet(false, true);
  }

  /** From now on, actions get no reply (the session still reads them). */
  void mute() {
    muted = true;
  }

  long dropped() {
    return dropped.get();
  }

  /** Queues bytes without waiting; when the queue is full the packet is dropped and counted. */
  boolean offer(byte[] bytes) {
    if (closed.get()) {
      return false;
    }
    if (outbound.offer(bytes)) {
      return true;
    }
    dropped.incrementAndGet();
    return false;
  }

  /** Queues bytes, waiting for room (backpressure) until the session closes; false if it closed. */
  boolean send(byte[] bytes) {
    try {
      while (!closed.get()) {
        if (outbound.offer(bytes, 100, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /**
   * Queues bytes once the writer has taken everything queued before, so that a long stream of them
   * goes at the client's pace and never piles up here; false once the session closed.
   */
  boolean sendWhenDrained(byte[] bytes) {
    while (!closed.get()) {
      if (outbound.isEmpty()) {
        return send(bytes);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(200_000);
    }
    return false;
  }

  /** Writes everything queued so far, then half-closes so the client sees a clean end of stream. */
  void closeAfterDrain() {
    send(CLOSE_MARKER);
  }

  /** Closes the socket at once; queued bytes are discarded. */
  void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        socket.close();
      } catch (IOException e) {
        LOG.debug("session {}: close failed", id, e);
      }
      closedSignal.countDown();
      writer.interrupt();
      outbound.clear();
      listener.onClosed(this);
    }
  }

  private void readLoop() {
    try {
      AmiPacketReader packets =
          new AmiPacketReader(new BufferedInputStream(socket.getInputStream()));
      Map<String, String> headers;
      boolean hangingUp = false;
      while ((headers = packets.next()) != null) {
        if (hangingUp) {
          continue; // after Logoff or a failed login only the client's close matters
        }
        AmiAction action = new AmiAction(id, headers);
        listener.onAction(this, action);
        AmiProtocol.Reply reply = protocol.handle(action);
        for (AmiEvent packet : muted ? List.<AmiEvent>of() : reply.packets()) {
          send(packet.toBytes());
        }
        switch (reply.outcome()) {
          case LOGGED_IN -> listener.onLoggedIn(this);
          case VERSION_PROBE -> listener.onVersionProbe(this);
          case CLOSE -> {
            closeAfterDrain();
            hangingUp = true;
          }
          default -> {}
        }
      }
    } catch (AmiPacketReader.OversizedInputException e) {
      LOG.info("session {}: {}, closing", id, e.getMessage());
      send(AmiEvent.response("Error", null).put("Message", e.getMessage()).build().toBytes());
      closeAfterDrain();
      return; // the writer closes after its linger; reading on would only buffer more abuse
    } catch (IOException e) {
      LOG.debug("session {}: read ended: {}", id, e.toString());
    } catch (RuntimeException e) {
      // A bug in action handling must cost this client its connection, never the server.
      LOG.warn("session {}: unexpected failure, closing", id, e);
    }
    close();
  }

  private void writeLoop() {
    List<byte[]> batch = new ArrayList<>();
    try {
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
      while (true) {
        batch.add(outbound.take());
        outbound.drainTo(batch);
        for (byte[] bytes : batch) {
          if (bytes == CLOSE_MARKER) {
            out.flush();
            // Half-close, then let the client close first: closing with its unread
            // actions still buffered here would turn into a reset that can eat our last bytes.
            socket.shutdownOutput();
            closedSignal.await(LINGER_MILLIS, TimeUnit.MILLISECONDS);
            close();
            return;
          }
          out.write(bytes);
        }
        batch.clear();
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.debug("session {}: write ended: {}", id, e.toString());
    }
    close();
  }
}
