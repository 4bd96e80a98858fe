package org.callobjectives.amisim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads AMI action packets (header lines ended by an empty line) from a client, bounded against
 * abuse.
 */
final class AmiPacketReader {
  /** Longest accepted line; Asterisk's own limit is far lower, this only guards memory. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  /**
   * Most header lines in one packet, so a client that never sends an empty line cannot grow a
   * packet forever.
   */
  static final int MAX_HEADERS = 1024;

  private final InputStream in;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

  AmiPacketReader(InputStream in) {
    this.in = in;
  }

  /** Thrown when a client breaks the line or header limits; the session answers and hangs up. */
  static final class OversizedInputException extends IOException {
    OversizedInputException(String message) {
      super(message);
    }
  }

  /**
   * Reads the next packet. Lines without a colon are skipped (Asterisk ignores them too); blank
   * packets are skipped. Returns null at end of stream.
   */
  Map<String, String> next() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    int lines = 0;
    while (true) {
      String text = readLine();
      if (text == null) {
        return null;
      }
      if (text.isEmpty()) {
        if (!headers.isEmpty() || lines > 0) {
          return headers;
        }
        continue;
      }
      if (++lines > MAX_HEADERS) {
        throw new OversizedInputException("Too many header lines");
      }
      int colon = text.indexOf(':');
      if (colon > 0) {
        // First occurrence wins: Asterisk's astman_get_header also returns the first match.
        headers.putIfAbsent(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
      }
    }
  }

  private String readLine() throws IOException {
    line.reset();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        return decode();
      }
      if (line.size() >= MAX_LINE_BYTES) {
        throw new OversizedInputException("Line too long");
      }
      line.write(b);
    }
    return line.size() == 0 ? null : decode();
  }

  private String decode() {
    byte[] bytes = line.toByteArray();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
