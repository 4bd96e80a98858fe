package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.ErrorMessage;
import org.callobjectives.protocol.Hello;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.security.Tokens;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.RawAgentSocket;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a server restart every agent signs in again at once: with the ticket of its last Welcome (a
 * database read), not its token (a PBKDF2 derivation of 600,000 iterations each). A ticket is only
 * its agent's, and a new token in agents.yaml ends it.
 */
class AgentResumeTest {
  @TempDir Path dir;

  @Test
  void aRestartedServerTakesTheAgentBackOnItsTicketWithoutCheckingTheToken() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    AgentRecorder alice = new AgentRecorder("1001");
    String ticket;
    TestServer first = TestServer.start(dir, port, List.of(), Duration.ofMinutes(2), List.of());
    try (BridgeClient client =
        BridgeClient.builder(first.agentUri(), "1001", "demo-1001")
            .listener(alice)
            .backoff(Duration.ofMillis(100), Duration.ofMillis(500))
            .build()) {
      client.start();
      ticket = alice.next(Welcome.class).resumeToken();
      assertNotNull(ticket, "the Welcome carries a ticket");
      assertEquals(1, signIns(first, "token"));
      first.close();

      try (TestServer second =
          TestServer.start(dir, port, List.of(), Duration.ofMinutes(2), List.of())) {
        Welcome again = alice.next(Welcome.class);
        assertEquals("1001", again.agentId());
        assertEquals(ticket, again.resumeToken(), "the same ticket goes on");
        assertEquals(1, signIns(second, "ticket"), "signed in on the ticket");
        assertEquals(0, signIns(second, "token"), "no token check after the restart");

        // A ticket is only its agent's: Bob cannot use Alice's.
        try (RawAgentSocket bob = new RawAgentSocket(second.agentUri())) {
          bob.send(new Hello("1002", "wrong", "test", ticket));
          assertEquals(ErrorMessage.UNAUTHORIZED, bob.next(ErrorMessage.class).code());
        }

        // A new token for Alice in agents.yaml ends her ticket: the old token is refused too.
        var c = second.server.config();
        List<Agent> agents =
            c.agents().stream()
                .map(
                    a ->
                        a.id().equals("1001")
                            ? new Agent(
                                a.id(), a.name(), a.group(), a.interfaces(), Tokens.hash("new", 1))
                            : a)
                .toList();
        second.server.replaceConfig(c.withAgents(agents));
        try (RawAgentSocket stale = new RawAgentSocket(second.agentUri())) {
          stale.send(new Hello("1001", "demo-1001", "test", ticket));
          assertEquals(ErrorMessage.UNAUTHORIZED, stale.next(ErrorMessage.class).code());
        }
        try (RawAgentSocket renewed = new RawAgentSocket(second.agentUri())) {
          renewed.send(new Hello("1001", "new", "test", ticket));
          Welcome w = renewed.next(Welcome.class);
          assertNotEquals(ticket, w.resumeToken(), "a new ticket with the new token");
        }
      }
    }
  }

  private static long signIns(TestServer s, String how) throws Exception {
    JsonNode h = Json.mapper().valueToTree(s.server.health());
    return h.get("agentSignIns").get(how).asLong();
  }
}
