package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.DemoSettings;
import org.callobjectives.server.config.ServerSettings;
import org.callobjectives.server.sim.DemoAmi;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job: the built-in AMI simulator drives the real server and a real agent-bridge.
 */
class DemoModeTest {
  @TempDir Path dir;

  @Test
  void theDemoSimulatorPopsCallsForAgent1001AndTheDispositionIsStored() throws Exception {
    Path db = dir.resolve("objectives.db");
    Config base = TestServer.exampleConfig(db, Duration.ofMinutes(2));
    ServerSettings s = base.server();
    Config config =
        base.withServer(
            new ServerSettings(
                s.listenHost(),
                0,
                db,
                s.wrapUp(),
                List.of(),
                new DemoSettings(4, 1, 2, 0, 0.2, 42),
                s.users()));
    try (DemoAmi demo = DemoAmi.start(config, Clock.systemUTC());
        ObjectivesServer server =
            new ObjectivesServer(config, Store.open(db), Clock.systemUTC(), List.of())) {
      int port = server.start(List.of(demo.amiServer())).getPort();
      AgentRecorder alice = new AgentRecorder("1001");
      try (BridgeClient client =
          new BridgeClient(
              URI.create("ws://127.0.0.1:" + port + "/agent"), "1001", "demo-1001", null, alice)) {
        client.start();
        alice.next(Welcome.class);
        CallStarted pop = alice.await(CallStarted.class, 30);
        assertNotNull(pop.objective());
        assertFalse(pop.dispositionCodes().isEmpty());
        CallEnded end = alice.await(CallEnded.class, 30);
        assertEquals(pop.callId(), end.callId());
        List<String> required =
            pop.objective().checklist().stream()
                .filter(ChecklistItem::required)
                .map(ChecklistItem::id)
                .toList();
        DispositionAck ack =
            client
                .submit(
                    new DispositionSubmit(
                        null,
                        pop.callId(),
                        "ADVANCE",
                        true,
                        required,
                        1,
                        List.of("asked about seats"),
                        90,
                        "demo"))
                .get(10, TimeUnit.SECONDS);
        assertFalse(ack.duplicate());
      }
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT d.code, c.agent_id FROM dispositions d JOIN calls c USING (call_id) WHERE d.notes = 'demo'");
        rs.next();
        assertEquals("ADVANCE", rs.getString(1));
        assertEquals("1001", rs.getString(2));
      }
    }
  }
}
