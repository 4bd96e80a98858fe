package org.callobjectives.server.ami;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * Asterisk-Java's connection over our own socket ({@link AmiSocket}: a line cap, and when the
 * current line began) with {@link AmiPacketGuard} under its reader (malformed packets dropped, a
 * packet cap).
 */
final class GuardedManagerConnection extends ManagerConnectionImpl {
  /**
   * Told on the reader thread, once per connection, when a line or a packet passed its cap (the
   * read fails and the connection is dropped); must be quick.
   */
  interface Overflow {
    void overflow(long generation, String why);
  }

  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong overlong = new AtomicLong();
  private final int maxLineBytes;
  private final LongSupplier nanoTime;
  private final Overflow onOverflow;
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
      Overflow onOverflow) {
    this.maxLineBytes = maxLineBytes;
    this.nanoTime = nanoTime;
    this.onOverflow = onOverflow;
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
    long generation = generations.incrementAndGet();
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
            generation,
            (g, why) -> {
              overlong.incrementAndGet();
              onOverflow.overflow(g, why);
            });
    current = s;
    return new AmiPacketGuard(s, dropped, why -> onOverflow.overflow(generation, why));
  }
}
