package org.callobjectives.server.ami;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.util.function.LongSupplier;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * One AMI connection as Asterisk-Java's reader and writer see it, in place of its
 * SocketConnectionFacadeImpl: the same socket set-up, but lines come from an {@link AmiLineReader}
 * (a line cap, and when the current line began), and the stall watch can {@link #abort()} it.
 */
final class AmiSocket implements SocketConnectionFacade {
  private final Socket socket;
  private final AmiLineReader reader;
  private final BufferedWriter writer;
  private final long openedNanos;
  private final long generation;
  private final GuardedManagerConnection.Overflow onOverlong;
  private boolean overlongTold;
  private volatile boolean aborted;

  AmiSocket(
      String host,
      int port,
      boolean ssl,
      int connectTimeoutMillis,
      int readTimeoutMillis,
      Charset encoding,
      int maxLineBytes,
      LongSupplier nanoTime,
      long generation,
      GuardedManagerConnection.Overflow onOverlong)
      throws IOException {
    Socket s =
        ssl
            ? SSLSocketFactory.getDefault().createSocket()
            : SocketFactory.getDefault().createSocket();
    try {
      s.setSoTimeout(readTimeoutMillis);
      s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
      this.reader = new AmiLineReader(s.getInputStream(), encoding, maxLineBytes, nanoTime);
      this.writer = new BufferedWriter(new OutputStreamWriter(s.getOutputStream(), encoding));
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
    this.socket = s;
    this.openedNanos = nanoTime.getAsLong();
    this.generation = generation;
    this.onOverlong = onOverlong;
  }

  /** When the connection was opened (System.nanoTime scale). */
  long openedNanos() {
    return openedNanos;
  }

  /** Counts the connections of one link: 1 for the first. */
  long generation() {
    return generation;
  }

  /**
   * When the first bytes of an unfinished line arrived; {@link AmiLineReader#NO_LINE} if no line is
   * unfinished.
   */
  long lineStartedNanos() {
    return reader.lineStartedNanos();
  }

  /** Bytes read from the peer so far. */
  long bytesRead() {
    return reader.bytesRead();
  }

  /**
   * Closes the socket under the reader: its read fails, Asterisk-Java's reader ends with a
   * DisconnectEvent and Asterisk-Java reconnects. Never blocks on the peer (plain TCP close).
   */
  void abort() {
    aborted = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closed already
    }
  }

  boolean aborted() {
    return aborted;
  }

  @Override
  public String readLine() throws IOException {
    try {
      return reader.readLine();
    } catch (AmiLineReader.LineTooLongException e) {
      if (!overlongTold) { // once per connection: the reader stops at the first failure anyway
        overlongTold = true;
        onOverlong.overflow(generation, "a line passed the " + e.maxLineBytes() + "-byte cap");
      }
      throw e;
    }
  }

  @Override
  public void write(String s) throws IOException {
    writer.write(s);
  }

  @Override
  public void flush() throws IOException {
    writer.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  @Override
  public boolean isConnected() {
    return socket.isConnected();
  }

  @Override
  public InetAddress getLocalAddress() {
    return socket.getLocalAddress();
  }

  @Override
  public int getLocalPort() {
    return socket.getLocalPort();
  }

  @Override
  public InetAddress getRemoteAddress() {
    return socket.getInetAddress();
  }

  @Override
  public int getRemotePort() {
    return socket.getPort();
  }
}
