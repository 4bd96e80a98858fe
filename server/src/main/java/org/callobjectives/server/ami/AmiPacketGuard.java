package org.callobjectives.server.ami;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * Sits under Asterisk-Java's reader and drops the few malformed AMI packets that would kill it (a
 * Bridge* event without BridgeUniqueid makes its bridge bookkeeping throw and the reader die).
 * Everything else passes through unchanged, packet by packet. A packet that never ends (more than
 * {@link #MAX_PACKET_LINES} lines or {@link #MAX_PACKET_CHARS} characters before its empty line),
 * which Asterisk-Java would gather in memory for as long as it goes on, fails the read: the
 * connection is dropped and Asterisk-Java reconnects.
 */
final class AmiPacketGuard implements SocketConnectionFacade {
  /**
   * Most lines in one packet. Events and the answers to the actions we send are a few dozen lines
   * (ListCommands, the longest, a few hundred).
   */
  static final int MAX_PACKET_LINES = 10_000;

  /** Most characters in one packet, over all its lines (each line is capped on its own too). */
  static final int MAX_PACKET_CHARS = 4 * 1024 * 1024;

  /** A packet went past the caps: the connection cannot be read on and must be dropped. */
  static final class PacketTooLongException extends IOException {
    PacketTooLongException(String message) {
      super(message);
    }
  }

  private final SocketConnectionFacade in;
  private final AtomicLong dropped;
  private final Consumer<String> onRunaway;
  private final ArrayDeque<String> ready = new ArrayDeque<>();
  private boolean streaming;
  private int packetLines;
  private long packetChars;
  private String runaway;

  AmiPacketGuard(SocketConnectionFacade in, AtomicLong dropped) {
    this(in, dropped, why -> {});
  }

  /**
   * @param onRunaway told (on the reader thread, once) why a packet that never ends was cut
   */
  AmiPacketGuard(SocketConnectionFacade in, AtomicLong dropped, Consumer<String> onRunaway) {
    this.in = in;
    this.dropped = dropped;
    this.onRunaway = onRunaway;
  }

  @Override
  public String readLine() throws IOException {
    if (!ready.isEmpty()) {
      return ready.poll();
    }
    if (streaming) {
      // Inside a packet already judged harmless: hand lines straight through, no copies.
      String line = next();
      if (line == null || line.isEmpty()) {
        streaming = false;
      }
      return line;
    }
    String first = next();
    if (first == null || first.isEmpty() || first.indexOf(':') < 0) {
      return first; // end of stream, a stray blank line, the banner or noise the reader ignores
    }
    if (startsPlainPacket(first)) {
      streaming = true;
      return first;
    }
    while (ready.isEmpty()) {
      fill(first);
      first = null;
    }
    return ready.poll();
  }

  /** The next line, counted against the packet caps (an empty line ends the packet). */
  private String next() throws IOException {
    if (runaway != null) {
      throw new PacketTooLongException("AMI packet too long: " + runaway);
    }
    String line = in.readLine();
    if (line == null || line.isEmpty()) {
      packetLines = 0;
      packetChars = 0;
      return line;
    }
    packetLines++;
    packetChars += line.length();
    if (packetLines > MAX_PACKET_LINES || packetChars > MAX_PACKET_CHARS) {
      String why =
          packetLines > MAX_PACKET_LINES
              ? "a packet passed " + MAX_PACKET_LINES + " lines"
              : "a packet passed " + MAX_PACKET_CHARS + " characters";
      runaway = why;
      dropped.incrementAndGet();
      ready.clear();
      onRunaway.accept(why);
      throw new PacketTooLongException("AMI packet too long: " + why);
    }
    return line;
  }

  /** Every Response and every event but Bridge* is harmless and can stream (nearly all traffic). */
  private static boolean startsPlainPacket(String first) {
    if (first.regionMatches(true, 0, "Response:", 0, 9)) {
      return true;
    }
    return first.regionMatches(true, 0, "Event:", 0, 6)
        && !first.substring(6).stripLeading().regionMatches(true, 0, "Bridge", 0, 6);
  }

  /**
   * Buffers one whole packet (starting with {@code first}, if given) and queues it unless harmful.
   */
  private void fill(String first) throws IOException {
    List<String> packet = new ArrayList<>();
    if (first != null) {
      packet.add(first);
    }
    while (true) {
      String line = next();
      if (line == null) {
        if (packet.isEmpty()) {
          throw new IOException("end of AMI stream");
        }
        ready.addAll(packet); // an unfinished last packet: let the reader see what there was
        return;
      }
      packet.add(line);
      if (line.isEmpty()) {
        break;
      }
    }
    if (isHarmful(packet)) {
      dropped.incrementAndGet();
      return;
    }
    ready.addAll(packet);
  }

  /** Bridge events are tracked by Asterisk-Java itself and must carry a BridgeUniqueid. */
  static boolean isHarmful(List<String> packet) {
    // Cheap: only Bridge* events are at risk and few packets are one; no copies of lines.
    boolean bridge = false;
    for (String line : packet) {
      if (line.regionMatches(true, 0, "Event:", 0, 6)) {
        bridge = line.substring(6).stripLeading().regionMatches(true, 0, "Bridge", 0, 6);
        break;
      }
    }
    if (!bridge) {
      return false;
    }
    for (String line : packet) {
      if (line.regionMatches(true, 0, "BridgeUniqueid:", 0, 15) && !line.substring(15).isBlank()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void write(String s) throws IOException {
    in.write(s);
  }

  @Override
  public void flush() throws IOException {
    in.flush();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  @Override
  public boolean isConnected() {
    return in.isConnected();
  }

  @Override
  public InetAddress getLocalAddress() {
    return in.getLocalAddress();
  }

  @Override
  public int getLocalPort() {
    return in.getLocalPort();
  }

  @Override
  public InetAddress getRemoteAddress() {
    return in.getRemoteAddress();
  }

  @Override
  public int getRemotePort() {
    return in.getRemotePort();
  }
}
