package org.callobjectives.server.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.util.SocketConnectionFacade;
import org.junit.jupiter.api.Test;

/**
 * The guard passes every packet unchanged except the Bridge* events that would kill Asterisk-Java's
 * reader.
 */
class AmiPacketGuardTest {
  /** Lines as if read from a socket; then end of stream. */
  static class Lines implements SocketConnectionFacade {
    final ArrayDeque<String> lines;

    Lines(String... lines) {
      this.lines = new ArrayDeque<>(List.of(lines));
    }

    @Override
    public String readLine() {
      return lines.poll();
    }

    @Override
    public void write(String s) {}

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public boolean isConnected() {
      return true;
    }

    @Override
    public InetAddress getLocalAddress() {
      return null;
    }

    @Override
    public int getLocalPort() {
      return 0;
    }

    @Override
    public InetAddress getRemoteAddress() {
      return null;
    }

    @Override
    public int getRemotePort() {
      return 0;
    }
  }

  static List<String> readAll(SocketConnectionFacade guard) {
    List<String> out = new ArrayList<>();
    try {
      String line;
      while ((line = guard.readLine()) != null) {
        out.add(line);
      }
    } catch (IOException endOfStream) {
      // done
    }
    return out;
  }

  @Test
  void everyOrdinaryPacketPassesThroughLineForLine() {
    String[] stream = {
      "Asterisk Call Manager/11.0.0",
      "Response: Success",
      "Message: Authentication accepted",
      "",
      "Event: Newchannel",
      "Channel: Local/1001@agents-00000001;1",
      "Uniqueid: 1.2",
      "",
      "Event: BridgeEnter",
      "BridgeUniqueid: b-1",
      "Channel: x",
      "",
      "Privilege: call,all",
      "Event: Hangup",
      "Uniqueid: 1.2",
      ""
    };
    AtomicLong dropped = new AtomicLong();
    assertEquals(List.of(stream), readAll(new AmiPacketGuard(new Lines(stream), dropped)));
    assertEquals(0, dropped.get());
  }

  @Test
  void aBridgeEventWithoutItsBridgeIdIsDroppedAndCounted() {
    AtomicLong dropped = new AtomicLong();
    List<String> out =
        readAll(
            new AmiPacketGuard(
                new Lines(
                    "Event: BridgeEnter",
                    "Channel: x",
                    "",
                    "Privilege: call,all",
                    "Event: BridgeLeave",
                    "BridgeUniqueid: ",
                    "",
                    "Event: Hangup",
                    "Uniqueid: 1.2",
                    ""),
                dropped));
    assertEquals(List.of("Event: Hangup", "Uniqueid: 1.2", ""), out);
    assertEquals(2, dropped.get());
  }

  /** A packet that never ends: "Event: UserEvent", then {@code line} again and again. */
  static SocketConnectionFacade endlessPacket(String line, AtomicLong served) {
    return new Lines() {
      @Override
      public String readLine() {
        return served.getAndIncrement() == 0 ? "Event: UserEvent" : line;
      }
    };
  }

  @Test
  void aPacketThatNeverEndsIsCutAtTheLineCapCountedAndTold() throws Exception {
    AtomicLong dropped = new AtomicLong();
    AtomicLong served = new AtomicLong();
    List<String> told = new ArrayList<>();
    AmiPacketGuard guard = new AmiPacketGuard(endlessPacket("Key: v", served), dropped, told::add);
    var e =
        assertThrows(
            AmiPacketGuard.PacketTooLongException.class,
            () -> {
              while (true) {
                guard.readLine();
              }
            });
    assertTrue(e.getMessage().contains(AmiPacketGuard.MAX_PACKET_LINES + " lines"), e.getMessage());
    assertEquals(AmiPacketGuard.MAX_PACKET_LINES + 1, served.get(), "read no further");
    assertEquals(1, dropped.get());
    assertEquals(List.of("a packet passed " + AmiPacketGuard.MAX_PACKET_LINES + " lines"), told);
    assertThrows(AmiPacketGuard.PacketTooLongException.class, guard::readLine);
    assertEquals(1, told.size(), "told once");
  }

  @Test
  void aPacketOfLongLinesIsCutAtTheCharacterCap() {
    AtomicLong dropped = new AtomicLong();
    AtomicLong served = new AtomicLong();
    String line = "Value: " + "x".repeat(60_000);
    // A Bridge event is gathered before it is handed on: the cap holds there too.
    AmiPacketGuard guard =
        new AmiPacketGuard(
            new Lines() {
              @Override
              public String readLine() {
                return served.getAndIncrement() == 0 ? "Event: BridgeEnter" : line;
              }
            },
            dropped,
            why -> {});
    var e = assertThrows(AmiPacketGuard.PacketTooLongException.class, guard::readLine);
    assertTrue(e.getMessage().contains("characters"), e.getMessage());
    assertTrue(served.get() * line.length() < AmiPacketGuard.MAX_PACKET_CHARS + 2L * line.length());
    assertEquals(1, dropped.get());
  }

  @Test
  void longPacketsUnderTheCapsPassAndTheCountStartsAgainAtEachPacket() {
    List<String> stream = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      stream.add("Response: Success");
      for (int i = 0; i < AmiPacketGuard.MAX_PACKET_LINES - 1; i++) {
        stream.add("Output: line " + i);
      }
      stream.add("");
    }
    AtomicLong dropped = new AtomicLong();
    assertEquals(
        stream, readAll(new AmiPacketGuard(new Lines(stream.toArray(String[]::new)), dropped)));
    assertEquals(0, dropped.get());
  }
}
