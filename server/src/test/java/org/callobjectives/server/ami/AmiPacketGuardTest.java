package org.callobjectives.server.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  static final class Lines implements SocketConnectionFacade {
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
}
