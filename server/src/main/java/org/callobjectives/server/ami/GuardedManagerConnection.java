package org.callobjectives.server.ami;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * Asterisk-Java's connection over our own socket ({@link AmiSocket}: a line cap, and when the
 * current line began) with {@link AmiPacketGuard} under its reader.
 */
final class GuardedManagerConnection extends ManagerConnectionImpl {
  /** Told on the reader thread when a line passed the cap; must be quick. */
  interface OverlongLine {
    void passed(long generation, int maxLineBytes);
  }

  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong overlong = new AtomicLong();
  private final int maxLineBytes;
  private final LongSupplier nanoTime;
  private final OverlongLine onOverlong;
  private final AtomicLong generations = new AtomicLong();
  private volatile int connectTimeoutMillis;
  private volatile int readTimeoutMillis;
  private volatile AmiSocket current;

  GuardedManagerConnection(
      String host,
      int port,
      String username,
      String secret,
      int maxLineBytes,
      LongSupplier nanoTime,
      OverlongLine onOverlong) {
    this.maxLineBytes = maxLineBytes;
    this.nanoTime = nanoTime;
    this.onOverlong = onOverlong;
    setHostname(host);
    setPort(port);
    setUsername(username);
    setPassword(secret);
  }

  long droppedPackets() {
    return dropped.get();
  }

  /** Lines that passed the cap (each one dropped its connection). */
  long overlongLines() {
    return overlong.get();
  }

  int maxLineBytes() {
    return maxLineBytes;
  }

  /** The socket opened last (null before the first). */
  AmiSocket current() {
    return current;
  }

  @Override
  public void setSocketTimeout(int socketTimeout) {
    super.setSocketTimeout(socketTimeout);
    this.connectTimeoutMillis = socketTimeout;
  }

  @Override
  public void setSocketReadTimeout(int socketReadTimeout) {
    super.setSocketReadTimeout(socketReadTimeout);
    this.readTimeoutMillis = socketReadTimeout;
  }

  @Override
  protected SocketConnectionFacade createSocket() throws IOException {
    AmiSocket s =
        new AmiSocket(
            getHostname(),
            getPort(),
            isSsl(),
            connectTimeoutMillis,
            readTimeoutMillis,
            getEncoding(),
            maxLineBytes,
            nanoTime,
            generations.incrementAndGet(),
            (generation, cap) -> {
              overlong.incrementAndGet();
              onOverlong.passed(generation, cap);
            });
    current = s;
    return new AmiPacketGuard(s, dropped);
  }
}
