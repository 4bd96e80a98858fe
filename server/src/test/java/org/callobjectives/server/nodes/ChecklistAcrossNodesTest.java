package org.callobjectives.server.nodes;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.e2e.TraceReplayTest;
import org.callobjectives.server.store.DatabaseLocation;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.PostgresServer;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tick from an agent signed in on one node reaches the other node, whose link tracks the call
 * (and whose supervisors would otherwise flag it as missing).
 */
@ExtendWith(PostgresServer.class)
class ChecklistAcrossNodesTest {
  @TempDir Path dir;

  @Test
  void aTickOnTheAgentsNodeReachesTheNodeTrackingTheCall(PostgresServer.Database pg)
      throws Exception {
    assumeTrue(Files.isDirectory(TraceReplayTest.TRACES), "AMI traces not found: skipped");
    DatabaseLocation db = DatabaseLocation.parse(pg.url());
    Config config = TestServer.exampleConfig(dir.resolve("unused.db"), Duration.ofMinutes(2));
    List<String> onA = new CopyOnWriteArrayList<>();
    AgentRecorder alice = new AgentRecorder("1001");
    try (ScriptedAmiServer ami =
            ScriptedAmiServer.replaying(
                AmiTrace.load(TraceReplayTest.TRACES, "a_sales_caller_hangup"), 0.5);
        ObjectivesServer a =
            new ObjectivesServer(config, Store.open(db), Clock.systemUTC(), List.of());
        ObjectivesServer b =
            new ObjectivesServer(config, Store.open(db), Clock.systemUTC(), List.of())) {
      a.sessions().onChecklistProgress((agent, p) -> onA.add(agent + " " + p.done()));
      a.start(List.of());
      b.start(List.of());
      BridgeClient client =
          new BridgeClient(
              URI.create("ws://127.0.0.1:" + b.address().getPort() + "/agent"),
              "1001",
              "demo-1001",
              null,
              alice);
      client.start();
      alice.await(Welcome.class, 10);
      ami.start();
      a.connectAmi(TestServer.link("trace", ami.port()));
      CallStarted pop = alice.await(CallStarted.class, 20); // relayed to B through the outbox
      client.checklistProgress(pop.callId(), List.of("recording-notice"));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (onA.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(onA.contains("1001 [recording-notice]"), "ticks heard on A: " + onA);
      client.close();
    }
  }
}
