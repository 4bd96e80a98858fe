package org.callobjectives.server.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.util.internal.SocketConnectionFacadeImpl;
import org.callobjectives.amisim.AmiTrace;
import org.junit.jupiter.api.Test;

/**
 * The line reader under Asterisk-Java: the same lines as Asterisk-Java's own reader, and a line
 * past the cap fails after reading no more than the cap (plus one read buffer), however long the
 * peer's line goes on.
 */
class AmiLineReaderTest {
  static final int CAP = 1024;

  static AmiLineReader reader(byte[] bytes, int cap) {
    return new AmiLineReader(
        new ByteArrayInputStream(bytes), StandardCharsets.UTF_8, cap, System::nanoTime);
  }

  static List<String> readAll(AmiLineReader r) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line; (line = r.readLine()) != null; ) {
      out.add(line);
    }
    return out;
  }

  /** Hands out at most {@code step} bytes per read, so lines and characters span reads. */
  static InputStream trickle(byte[] bytes, int step) {
    return new InputStream() {
      int pos;

      @Override
      public int read() {
        return pos < bytes.length ? bytes[pos++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= bytes.length) {
          return -1;
        }
        int n = Math.min(Math.min(len, step), bytes.length - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }

  @Test
  void splitsAtCrLfOnlyAndKeepsAnUnfinishedLastLine() throws Exception {
    byte[] in =
        "Event: Newchannel\r\nCallerIDName: Zoë 😀\r\nA: b\nc\rd\r\n\r\nlast"
            .getBytes(StandardCharsets.UTF_8);
    List<String> want =
        List.of("Event: Newchannel", "CallerIDName: Zoë 😀", "A: b\nc\rd", "", "last");
    assertEquals(want, readAll(reader(in, CAP)));
    for (int step : new int[] {1, 2, 3, 7}) {
      AmiLineReader r =
          new AmiLineReader(trickle(in, step), StandardCharsets.UTF_8, CAP, System::nanoTime);
      assertEquals(want, readAll(r), "read " + step + " bytes at a time");
    }
  }

  @Test
  void aLineOfTheCapPassesAndOneByteMoreFails() throws Exception {
    String atCap = "V: " + "x".repeat(CAP - 3);
    AmiLineReader r = reader((atCap + "\r\nnext\r\n").getBytes(StandardCharsets.US_ASCII), CAP);
    assertEquals(atCap, r.readLine());
    assertEquals("next", r.readLine());

    AmiLineReader over = reader((atCap + "x\r\nnext\r\n").getBytes(StandardCharsets.US_ASCII), CAP);
    var e = assertThrows(AmiLineReader.LineTooLongException.class, over::readLine);
    assertEquals(CAP, e.maxLineBytes());
    assertTrue(e.getMessage().contains(Integer.toString(CAP)), e.getMessage());
    // The stream is not read on: the connection is to be dropped.
    assertThrows(AmiLineReader.LineTooLongException.class, over::readLine);
  }

  @Test
  void anEndlessLineIsCutAtTheCapWithoutBeingBuffered() {
    AtomicLong served = new AtomicLong();
    // 'x' for ever (well, 1 TiB), made up as it is read: nothing of it is ever held here.
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            served.incrementAndGet();
            return 'x';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            served.addAndGet(len);
            return len;
          }
        };
    int cap = AmiLineReader.DEFAULT_MAX_LINE_BYTES;
    AmiLineReader r =
        new AmiLineReader(
            new java.io.SequenceInputStream(
                new ByteArrayInputStream("Event: Hangup\r\nCause: ".getBytes()), endless),
            StandardCharsets.UTF_8,
            cap,
            System::nanoTime);
    assertThrows(
        AmiLineReader.LineTooLongException.class,
        () -> {
          while (true) {
            r.readLine();
          }
        });
    assertTrue(served.get() <= cap + 8 * 1024, "read only up to the cap: " + served.get());
    assertTrue(r.lineCapacity() <= cap + 1, "buffer bounded: " + r.lineCapacity());
  }

  @Test
  void tellsWhenTheUnfinishedLineBegan() throws Exception {
    long[] now = {1_000};
    byte[] in = "Event: A\r\nKey: val".getBytes(StandardCharsets.US_ASCII);
    // The first read brings "Event: A\r\nKey: " (15 bytes), the next ones the rest of the line.
    InputStream chunks = trickle(in, 15);
    AmiLineReader r = new AmiLineReader(chunks, StandardCharsets.UTF_8, CAP, () -> now[0] += 1_000);
    assertEquals(AmiLineReader.NO_LINE, r.lineStartedNanos());
    assertEquals("Event: A", r.readLine());
    assertEquals(AmiLineReader.NO_LINE, r.lineStartedNanos(), "a finished line is not growing");
    assertEquals("Key: val", r.readLine()); // at the end of the stream, the unfinished line
    assertEquals(AmiLineReader.NO_LINE, r.lineStartedNanos());
    assertNull(r.readLine());

    // A line still arriving: its start is the read that brought its first bytes.
    InputStream slow =
        new InputStream() {
          int calls;

          @Override
          public int read() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            calls++;
            if (calls == 1) {
              byte[] first = "A: 1\r\nB: ".getBytes(StandardCharsets.US_ASCII);
              System.arraycopy(first, 0, b, off, first.length);
              return first.length;
            }
            if (calls < 4) {
              b[off] = 'y';
              return 1;
            }
            throw new IOException("stop");
          }
        };
    now[0] = 5_000;
    AmiLineReader g = new AmiLineReader(slow, StandardCharsets.UTF_8, CAP, () -> now[0] += 1_000);
    assertEquals("A: 1", g.readLine());
    assertThrows(IOException.class, g::readLine);
    assertEquals(6_000, g.lineStartedNanos(), "began with the first read, not the later ones");
  }

  /** Asterisk-Java's reader and ours, on the same real Asterisk 22 stream: the same lines. */
  @Test
  void readsARealAsteriskStreamAsAsteriskJavaDoes() throws Exception {
    Path traces = AmiTrace.defaultDirectory();
    assumeTrue(Files.isDirectory(traces), "AMI traces not found: skipped");
    var all = new java.io.ByteArrayOutputStream();
    all.write(Files.readAllBytes(traces.resolve("e_burst_20_calls.ami")));
    all.write("Event: Odd\r\nA: b\nc\rd\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    byte[] stream = all.toByteArray();

    List<String> theirs = new ArrayList<>();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      byte[] bytes = stream;
      Thread writer =
          new Thread(
              () -> {
                try (Socket s = server.accept();
                    OutputStream out = s.getOutputStream()) {
                  out.write(bytes);
                } catch (IOException e) {
                  throw new RuntimeException(e);
                }
              });
      writer.start();
      SocketConnectionFacadeImpl aj =
          new SocketConnectionFacadeImpl("127.0.0.1", server.getLocalPort(), false, 5000, 5000);
      try {
        for (String line; (line = aj.readLine()) != null; ) {
          theirs.add(line);
        }
      } catch (IOException endOfStream) {
        // Asterisk-Java says the end of the stream this way
      } finally {
        aj.close();
      }
      writer.join();
    }
    List<String> ours = readAll(reader(stream, AmiLineReader.DEFAULT_MAX_LINE_BYTES));
    assertTrue(theirs.size() > 1000, "a real stream: " + theirs.size());
    // Asterisk-Java drops an unfinished last line at the end of the stream; we hand it over.
    assertEquals(theirs, ours.subList(0, theirs.size()));
  }
}
