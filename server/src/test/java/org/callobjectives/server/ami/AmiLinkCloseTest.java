package org.callobjectives.server.ami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.asteriskjava.manager.ManagerConnectionState;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.server.config.AmiServer;
import org.junit.jupiter.api.Test;

/**
 * A closed link stays closed, also when Asterisk-Java was reconnecting at the time: otherwise it
 * would reconnect by itself and go on hearing calls (a node that handed the link over, a stopped
 * server in the same process).
 */
class AmiLinkCloseTest {
  @Test
  void aLinkClosedWhileReconnectingStopsReconnecting() throws Exception {
    ScriptedAmiServer ami = new ScriptedAmiServer(List.of(), 0).start();
    try (AmiEventPump pump = new AmiEventPump(100, e -> {}, d -> {})) {
      AmiLink link = new AmiLink(server(ami.port()), pump);
      link.start();
      await(link::connected, "logged in");
      ami.close(); // Asterisk goes away: Asterisk-Java starts reconnecting
      await(() -> link.state() == ManagerConnectionState.RECONNECTING, "reconnecting");

      link.close();

      assertEquals(ManagerConnectionState.DISCONNECTED, link.state());
    }
  }

  @Test
  void aLinkClosedWhileLoggedInLogsOff() throws Exception {
    try (ScriptedAmiServer ami = new ScriptedAmiServer(List.of(), 0).start();
        AmiEventPump pump = new AmiEventPump(100, e -> {}, d -> {})) {
      AmiLink link = new AmiLink(server(ami.port()), pump);
      link.start();
      await(link::connected, "logged in");

      link.close();

      assertEquals(ManagerConnectionState.DISCONNECTED, link.state());
    }
  }

  private static AmiServer server(int port) {
    return new AmiServer(
        "pbx1", "127.0.0.1", port, AmiWireServer.DEFAULT_USERNAME, AmiWireServer.DEFAULT_SECRET, 1);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
    assertTrue(condition.getAsBoolean(), "not " + what + " within 10 s");
  }
}
