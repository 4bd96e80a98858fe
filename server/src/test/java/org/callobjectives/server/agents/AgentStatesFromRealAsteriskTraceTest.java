package org.callobjectives.server.agents;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.protocol.AgentState;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pauses and membership changes captured from a real Asterisk 22 become the agents' states. */
class AgentStatesFromRealAsteriskTraceTest {
  static final Path TRACES = AmiTrace.defaultDirectory();

  @TempDir Path dir;

  @Test
  void aLunchPauseShowsAsPausedWithItsReasonAndEndsWhenUnpausedWhileAnotherAgentTakesTheCall()
      throws Exception {
    assumeTrue(
        Files.isDirectory(TRACES),
        "AMI traces not found at " + TRACES.toAbsolutePath() + ": skipped");
    AmiTrace trace = AmiTrace.load(TRACES, "f_pause_unpause_add_remove");
    List<AgentState> live = new CopyOnWriteArrayList<>();
    List<AgentState> seen;
    try (ScriptedAmiServer ami = ScriptedAmiServer.replaying(trace, 20).start();
        TestServer ts = TestServer.start(dir, List.of(), Duration.ofMinutes(2), List.of())) {
      ts.server.agentDay().onChange(live::add);
      // Carol is at her desk (her client signed in); Bob is not.
      org.callobjectives.server.testing.AgentRecorder carolsClient =
          new org.callobjectives.server.testing.AgentRecorder("1003");
      org.callobjectives.bridge.BridgeClient carol =
          new org.callobjectives.bridge.BridgeClient(
              ts.agentUri(), "1003", "demo-1003", null, carolsClient);
      carol.start();
      carolsClient.await(org.callobjectives.protocol.Welcome.class, 10);
      ts.server.connectAmi(
          new AmiServer(
              "trace",
              "127.0.0.1",
              ami.port(),
              AmiWireServer.DEFAULT_USERNAME,
              AmiWireServer.DEFAULT_SECRET));
      assertTrue(ami.awaitDone(Duration.ofSeconds(60)), "replay did not finish");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline && !unpausedAgain(live, "1002")) {
        Thread.sleep(50);
      }
      seen = List.copyOf(live); // before Carol's client goes
      carol.close();
    }
    assertTrue(
        seen.stream()
            .anyMatch(
                s ->
                    s.agentId().equals("1002")
                        && s.state().equals(AgentState.PAUSED)
                        && "lunch".equals(s.reason())),
        "Bob paused for lunch: " + seen);
    assertTrue(unpausedAgain(seen, "1002"), seen.toString());
    // Carol answers the call meanwhile; her later coaching pause does not hide her pending wrap-up.
    List<String> carols =
        seen.stream()
            .filter(s -> s.agentId().equals("1003"))
            .map(AgentState::state)
            .distinct()
            .toList();
    assertTrue(
        carols
            .subList(carols.indexOf(AgentState.RINGING), carols.size())
            .equals(List.of(AgentState.RINGING, AgentState.ON_CALL, AgentState.WRAP_UP)),
        seen.toString());
  }

  /** The agent's last state is no longer paused (offline: no client is signed in here). */
  private static boolean unpausedAgain(List<AgentState> seen, String agentId) {
    AgentState last = null;
    for (AgentState s : seen) {
      if (s.agentId().equals(agentId)) {
        last = s;
      }
    }
    return last != null && !last.state().equals(AgentState.PAUSED);
  }
}
