package org.callobjectives.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.testing.RawAgentSocket;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server shutting down tells each socket so (close 1001), so clients reconnect at once. */
class ShutdownCloseTest {
  @TempDir Path dir;

  @Test
  void aSignedInAgentHearsTheServerIsGoingAway() throws Exception {
    RawAgentSocket agent;
    try (TestServer server = TestServer.start(dir, List.of(), Duration.ofMinutes(2), List.of())) {
      agent = new RawAgentSocket(server.agentUri());
      agent.send(new Hello("1001", "demo-1001", "test", null));
      agent.next(Welcome.class);
    }
    try (agent) {
      assertEquals(RawAgentSocket.CLOSED + WebSocketUpgrade.GOING_AWAY, agent.next());
    }
  }
}
