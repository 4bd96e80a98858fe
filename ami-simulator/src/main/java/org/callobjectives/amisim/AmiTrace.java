package org.callobjectives.amisim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A captured AMI byte stream ({@code NAME.ami} + {@code NAME.timing}) split into sessions at each
 * banner, with the recorded login response removed and every other packet kept as raw bytes.
 */
public final class AmiTrace {
  private static final byte[] BANNER_PREFIX =
      "Asterisk Call Manager/".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RESPONSE_PREFIX = "Response:".getBytes(StandardCharsets.US_ASCII);

  private final String name;
  private final List<Session> sessions;

  private AmiTrace(String name, List<Session> sessions) {
    this.name = name;
    this.sessions = List.copyOf(sessions);
  }

  /**
   * One packet as captured.
   *
   * @param seconds capture time (seconds since capture start) of the read that completed it
   * @param bytes the raw bytes, CRLF lines and the terminating empty line included
   */
  public record Packet(double seconds, byte[] bytes) {
    /** Keeps the record's bytes private to it. */
    public Packet {
      bytes = bytes.clone();
    }

    /** The raw bytes (a copy). */
    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /** The value of the first {@code Event:} line, or null if this is not an event packet. */
    public String eventType() {
      String text = new String(bytes, StandardCharsets.UTF_8);
      for (String line : text.split("\r\n")) {
        if (line.regionMatches(true, 0, "Event:", 0, 6)) {
          return line.substring(6).trim();
        }
      }
      return null;
    }
  }

  /**
   * One AMI connection's worth of packets.
   *
   * @param startSeconds capture time the client was logged in (the dropped login response, else the
   *     banner)
   * @param packets the packets after login, in capture order
   */
  public record Session(double startSeconds, List<Packet> packets) {
    /** Keeps the list immutable. */
    public Session {
      packets = List.copyOf(packets);
    }

    /**
     * A copy with raw bytes inserted before packet {@code index} (at the previous packet's time).
     */
    public Session withRawBytes(int index, byte[] raw) {
      List<Packet> copy = new ArrayList<>(packets);
      double at = index == 0 ? startSeconds : packets.get(index - 1).seconds();
      copy.add(index, new Packet(at, raw));
      return new Session(startSeconds, copy);
    }

    /** The event types of the packets, in order (non-event packets skipped). */
    public List<String> eventTypes() {
      return packets.stream().map(Packet::eventType).filter(Objects::nonNull).toList();
    }
  }

  /**
   * The trace directory: system property {@code shared.dir} + {@code /ami-traces}, else {@code
   * ../shared/ami-traces}.
   */
  public static Path defaultDirectory() {
    String shared = System.getProperty("shared.dir");
    return shared == null ? Path.of("..", "shared", "ami-traces") : Path.of(shared, "ami-traces");
  }

  /** Loads {@code NAME.ami} and, if present, {@code NAME.timing} from a directory. */
  public static AmiTrace load(Path directory, String name) throws IOException {
    byte[] data = Files.readAllBytes(directory.resolve(name + ".ami"));
    Path timingFile = directory.resolve(name + ".timing");
    Timing timing =
        Files.exists(timingFile) ? Timing.parse(Files.readAllLines(timingFile)) : Timing.NONE;
    return new AmiTrace(name, split(data, timing));
  }

  /** The scenario name. */
  public String name() {
    return name;
  }

  /** The sessions in capture order. */
  public List<Session> sessions() {
    return sessions;
  }

  /** All event types over all sessions, in capture order. */
  public List<String> eventTypes() {
    return sessions.stream().flatMap(session -> session.eventTypes().stream()).toList();
  }

  private static List<Session> split(byte[] data, Timing timing) {
    List<Session> sessions = new ArrayList<>();
    List<Packet> packets = new ArrayList<>();
    double start = 0;
    boolean awaitingLogin = false;
    boolean any = false;
    int packetStart = 0;
    int lineStart = 0;
    while (lineStart < data.length) {
      int lineEnd = indexOf(data, (byte) '\n', lineStart);
      int next = lineEnd < 0 ? data.length : lineEnd + 1;
      boolean emptyLine =
          next - lineStart <= 2 && (data[lineStart] == '\r' || data[lineStart] == '\n');
      if (packetStart == lineStart && startsWith(data, lineStart, BANNER_PREFIX)) {
        if (any) {
          sessions.add(new Session(start, packets));
        }
        packets = new ArrayList<>();
        start = timing.secondsAt(lineStart);
        awaitingLogin = true;
        any = true;
        packetStart = next;
      } else if (emptyLine) {
        if (packetStart < lineStart) {
          double seconds = timing.secondsAt(next - 1);
          if (awaitingLogin && startsWith(data, packetStart, RESPONSE_PREFIX)) {
            // The recorded login answer: the replay server answers the live login itself.
            awaitingLogin = false;
            start = seconds;
          } else {
            packets.add(new Packet(seconds, Arrays.copyOfRange(data, packetStart, next)));
          }
        }
        packetStart = next;
      }
      any |= next > lineStart;
      lineStart = next;
    }
    if (packetStart < data.length) {
      // A capture cut mid-packet (a crash) keeps its tail: that is what the client saw.
      packets.add(
          new Packet(
              timing.secondsAt(data.length - 1),
              Arrays.copyOfRange(data, packetStart, data.length)));
    }
    if (any) {
      sessions.add(new Session(start, packets));
    }
    return sessions;
  }

  private static int indexOf(byte[] data, byte value, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == value) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] data, int at, byte[] prefix) {
    if (data.length - at < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The {@code .timing} file: capture time of each TCP read, looked up by byte offset. */
  private record Timing(long[] offsets, double[] seconds) {
    static final Timing NONE = new Timing(new long[0], new double[0]);

    static Timing parse(List<String> lines) {
      List<String> rows = lines.stream().filter(line -> !line.isBlank()).toList();
      long[] offsets = new long[rows.size()];
      double[] seconds = new double[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        String[] columns = rows.get(i).trim().split("\\s+");
        seconds[i] = Double.parseDouble(columns[0]);
        offsets[i] = Long.parseLong(columns[1]);
      }
      return new Timing(offsets, seconds);
    }

    /** Time of the last read that started at or before the byte offset (0 without timing). */
    double secondsAt(long offset) {
      int index = Arrays.binarySearch(offsets, offset);
      int read = index >= 0 ? index : -index - 2;
      return read < 0 ? 0 : seconds[read];
    }
  }
}
