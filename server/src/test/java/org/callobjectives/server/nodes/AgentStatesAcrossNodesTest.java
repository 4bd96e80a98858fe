package org.callobjectives.server.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.AgentState;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.ObjectivesServer;
import org.callobjectives.server.config.AmiServer;
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
 * Agent states on two nodes of one PostgreSQL: one listens to a real Asterisk capture of pauses and
 * membership changes, the agent signs in on the other. Both nodes show the same states, and an
 * agent whose client or whose node goes away turns offline on both.
 */
@ExtendWith(PostgresServer.class)
class AgentStatesAcrossNodesTest {
  @TempDir Path dir;

  @Test
  void bothNodesShowRingsPausesCallsAndSignInsWhereverTheyHappen(PostgresServer.Database pg)
      throws Exception {
    assumeTrue(Files.isDirectory(TraceReplayTest.TRACES), "AMI traces not found: skipped");
    AmiTrace trace = AmiTrace.load(TraceReplayTest.TRACES, "f_pause_unpause_add_remove");
    DatabaseLocation db = DatabaseLocation.parse(pg.url());
    Config config = TestServer.exampleConfig(dir.resolve("unused.db"), Duration.ofMinutes(2));
    List<AgentState> onA = new CopyOnWriteArrayList<>();
    List<AgentState> onB = new CopyOnWriteArrayList<>();
    try (ScriptedAmiServer ami = ScriptedAmiServer.replaying(trace, 20);
        ObjectivesServer a =
            new ObjectivesServer(config, Store.open(db), Clock.systemUTC(), List.of());
        ObjectivesServer b =
            new ObjectivesServer(config, Store.open(db), Clock.systemUTC(), List.of())) {
      a.agentDay().onChange(onA::add);
      b.agentDay().onChange(onB::add);
      a.start(List.of());
      b.start(List.of());
      // Carol signs in on the node that will not listen to Asterisk; Bob stays away.
      AgentRecorder carolsClient = new AgentRecorder("1003");
      BridgeClient carol =
          new BridgeClient(
              URI.create("ws://127.0.0.1:" + b.address().getPort() + "/agent"),
              "1003",
              "demo-1003",
              null,
              carolsClient);
      carol.start();
      carolsClient.await(Welcome.class, 10);
      await(onA, s -> s.agentId().equals("1003") && s.state().equals(AgentState.READY), "A");

      ami.start();
      AmiServer link =
          new AmiServer(
              "trace",
              "127.0.0.1",
              ami.port(),
              AmiWireServer.DEFAULT_USERNAME,
              AmiWireServer.DEFAULT_SECRET);
      a.connectAmi(link);
      b.connectAmi(link);
      assertTrue(ami.awaitDone(Duration.ofSeconds(60)), "replay did not finish");

      for (List<AgentState> seen : List.of(onA, onB)) {
        String node = seen == onA ? "A (listening)" : "B (Carol's)";
        await(
            seen,
            s ->
                s.agentId().equals("1002")
                    && s.state().equals(AgentState.PAUSED)
                    && "lunch".equals(s.reason()),
            node + ": Bob paused for lunch");
        await(
            seen,
            s -> s.agentId().equals("1003") && s.state().equals(AgentState.WRAP_UP),
            node + ": Carol in wrap-up");
        List<String> carols =
            seen.stream()
                .filter(s -> s.agentId().equals("1003"))
                .map(AgentState::state)
                .distinct()
                .toList();
        assertEquals(
            List.of(AgentState.RINGING, AgentState.ON_CALL, AgentState.WRAP_UP),
            carols.subList(carols.indexOf(AgentState.RINGING), carols.size()),
            node + ": " + seen);
      }
      // Carol's own client heard her states from her node, as with one node.
      await(
          carolsClient.states(),
          s -> s.state().equals(AgentState.WRAP_UP),
          "Carol's client told of her wrap-up");

      carol.close();
      for (List<AgentState> seen : List.of(onA, onB)) {
        await(
            seen,
            s -> s.agentId().equals("1003") && s.state().equals(AgentState.OFFLINE),
            "Carol offline once her client left");
      }
    }
  }

  @Test
  void agentsSignedInOnANodeThatStopsTurnOfflineOnTheOthers(PostgresServer.Database pg)
      throws Exception {
    DatabaseLocation db = DatabaseLocation.parse(pg.url());
    Config config = TestServer.exampleConfig(dir.resolve("unused.db"), Duration.ofMinutes(2));
    List<AgentState> onA = new CopyOnWriteArrayList<>();
    try (ObjectivesServer a =
        new ObjectivesServer(config, Store.open(db), Clock.systemUTC(), List.of())) {
      a.agentDay().onChange(onA::add);
      a.start(List.of());
      ObjectivesServer b =
          new ObjectivesServer(config, Store.open(db), Clock.systemUTC(), List.of());
      b.start(List.of());
      AgentRecorder rec = new AgentRecorder("1001");
      BridgeClient alice =
          new BridgeClient(
              URI.create("ws://127.0.0.1:" + b.address().getPort() + "/agent"),
              "1001",
              "demo-1001",
              null,
              rec);
      alice.start();
      rec.await(Welcome.class, 10);
      await(onA, s -> s.agentId().equals("1001") && s.state().equals(AgentState.READY), "ready");
      onA.clear();
      // The node goes without a word (its sessions end as on a crash); its client keeps trying.
      b.store().signals().close();
      await(
          onA,
          s -> s.agentId().equals("1001") && s.state().equals(AgentState.OFFLINE),
          "offline once her node is gone");
      alice.close();
      b.close();
    }
  }

  private static void await(List<AgentState> seen, Predicate<AgentState> want, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      if (seen.stream().anyMatch(want)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(what + ": not seen in " + seen);
  }
}
