package org.callobjectives.server.ami;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Splits an AMI byte stream into lines as Asterisk-Java does (at CR LF; a lone CR or LF stays in
 * the line), but never holds more than {@code maxLineBytes} of one line: the bytes of the line
 * being read are counted as they arrive and a line that passes the cap fails the read at once,
 * without buffering the rest. Asterisk-Java's own reader grows its buffer for as long as a line
 * goes on, so one endless line from the peer would take the reader, and the memory, with it.
 *
 * <p>One reader thread calls {@link #readLine()}; {@link #lineStartedNanos()} may be read from any
 * thread (the stall watch).
 */
final class AmiLineReader {
  /**
   * Longest AMI line taken, in bytes (without its CR LF). Real lines are short; a variable or
   * ChanVariable line may be a few KiB: 64 KiB leaves room for far more.
   */
  static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;

  /** {@link #lineStartedNanos()} when no line is unfinished. */
  static final long NO_LINE = Long.MIN_VALUE;

  private static final int READ_BUFFER_BYTES = 8 * 1024;

  /** A line went past the cap: the connection cannot be read on and must be dropped. */
  static final class LineTooLongException extends IOException {
    private final int maxLineBytes;

    LineTooLongException(int maxLineBytes) {
      super("AMI line longer than " + maxLineBytes + " bytes");
      this.maxLineBytes = maxLineBytes;
    }

    int maxLineBytes() {
      return maxLineBytes;
    }
  }

  private final InputStream in;
  private final Charset charset;
  private final int maxLineBytes;
  private final LongSupplier nanoTime;
  private final byte[] buffer = new byte[READ_BUFFER_BYTES];
  private int pos;
  private int limit;
  private long chunkNanos;
  // The line so far: its content and possibly the CR of its CR LF (so at most maxLineBytes + 1).
  private byte[] line = new byte[256];
  private int length;
  private boolean failed;
  private boolean ended;
  private long bytesRead;
  private volatile long lineStartedNanos = NO_LINE;

  AmiLineReader(InputStream in, Charset charset, int maxLineBytes, LongSupplier nanoTime) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive");
    }
    this.in = in;
    this.charset = charset;
    this.maxLineBytes = maxLineBytes;
    this.nanoTime = nanoTime;
  }

  /**
   * The next line without its CR LF; at the end of the stream the unfinished last line (if any),
   * then null.
   *
   * @throws LineTooLongException when the line passes the cap (and at every later call)
   */
  String readLine() throws IOException {
    if (failed) {
      throw new LineTooLongException(maxLineBytes);
    }
    while (true) {
      if (pos == limit) {
        if (ended || !fill()) {
          ended = true;
          if (length == 0) {
            return null;
          }
          return take(length);
        }
      }
      int newline = -1;
      for (int i = pos; i < limit; i++) {
        if (buffer[i] == '\n') {
          newline = i;
          break;
        }
      }
      int end = newline < 0 ? limit : newline;
      append(pos, end - pos);
      if (newline < 0) {
        pos = limit;
        if (length > 0 && lineStartedNanos == NO_LINE) {
          lineStartedNanos = chunkNanos; // the line began in this chunk and goes on past it
        }
        continue;
      }
      pos = newline + 1;
      if (length > 0 && line[length - 1] == '\r') {
        return take(length - 1);
      }
      append(newline, 1); // a lone LF is part of the line, as in Asterisk-Java
    }
  }

  /**
   * When the first bytes of an unfinished line arrived (System.nanoTime scale); {@link #NO_LINE} if
   * none.
   */
  long lineStartedNanos() {
    return lineStartedNanos;
  }

  /** Bytes taken from the stream so far. */
  long bytesRead() {
    return bytesRead;
  }

  /** What the line buffer holds room for now (it never grows past the cap + 1). */
  int lineCapacity() {
    return line.length;
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    pos = 0;
    limit = n;
    bytesRead += n;
    chunkNanos = nanoTime.getAsLong();
    return true;
  }

  private void append(int from, int count) throws LineTooLongException {
    if (count == 0) {
      return;
    }
    int needed = length + count;
    if (needed > maxLineBytes + 1) { // + 1: the CR of the line's CR LF
      failed = true;
      length = 0;
      line = new byte[0];
      lineStartedNanos = NO_LINE;
      throw new LineTooLongException(maxLineBytes);
    }
    if (needed > line.length) {
      line = Arrays.copyOf(line, Math.min(maxLineBytes + 1, Math.max(needed, line.length * 2)));
    }
    System.arraycopy(buffer, from, line, length, count);
    length = needed;
  }

  private String take(int count) {
    String s = new String(line, 0, count, charset);
    length = 0;
    lineStartedNanos = NO_LINE;
    return s;
  }
}
