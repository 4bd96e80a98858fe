package org.callobjectives.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.AmiWireServer;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistItem;
import org.callobjectives.protocol.DispositionAck;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.Message;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.AmiServer;
import org.callobjectives.server.store.CallerOutcome;
import org.callobjectives.server.testing.AdminServer;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.TraceLiveChannels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same customer calls sales twice (a real Asterisk trace replayed twice over AMI): an advance
 * obtained on the first call moves them to the next stage, so the second pop carries the next
 * objective, the stage and the first call's outcome; after a restart the stage is still known.
 */
class ChainOfAdvancesTest {
  static final String TRACE = "a_sales_caller_hangup";
  static final String CALLER = "15551230001";

  @TempDir Path tmp;

  record Popped(BridgeClient client, AgentRecorder recorder, CallStarted pop) {}

  @Test
  void anAdvanceMovesTheCallerToTheNextStageAndTheNextPopShowsStageAndLastOutcome()
      throws Exception {
    assumeTrue(
        Files.isDirectory(TraceReplayTest.TRACES),
        "AMI traces not found at " + TraceReplayTest.TRACES.toAbsolutePath() + ": skipped");
    AmiTrace trace = AmiTrace.load(TraceReplayTest.TRACES, TRACE);
    Path db = tmp.resolve("objectives.db");
    try (AdminServer s = AdminServer.start(tmp, db)) {
      Map<String, AgentRecorder> recorders = new LinkedHashMap<>();
      Map<String, BridgeClient> clients = new LinkedHashMap<>();
      try {
        for (Agent a : s.server.config().agents()) {
          AgentRecorder r = new AgentRecorder(a.id());
          BridgeClient c = new BridgeClient(s.agentUri(), a.id(), "demo-" + a.id(), null, r);
          c.start();
          r.next(Welcome.class);
          recorders.put(a.id(), r);
          clients.put(a.id(), c);
        }

        Popped first = replay(s, trace, "pbx-a", recorders, clients);
        assertEquals(CALLER, first.pop().callerNumber());
        assertEquals("sales-demo-booked", first.pop().objective().id());
        assertEquals("demo", first.pop().objective().stage());
        assertNull(first.pop().objective().lastCall(), "a new customer has no last call");
        dispose(first, "ADVANCE", true);
        awaitStage(s, "demo", "ADVANCE");

        Popped second = replay(s, trace, "pbx-b", recorders, clients);
        assertFalse(second.pop().callId().equals(first.pop().callId()));
        assertEquals(CALLER, second.pop().callerNumber());
        assertEquals(
            "sales-proposal-review", second.pop().objective().id(), "the next stage's objective");
        assertEquals("proposal", second.pop().objective().stage());
        assertNotNull(second.pop().objective().lastCall());
        assertEquals("ADVANCE", second.pop().objective().lastCall().code());
        assertTrue(second.pop().objective().lastCall().advanceObtained());
        assertEquals("demo", second.pop().objective().lastCall().stage());
        assertEquals("sales-demo-booked", second.pop().objective().lastCall().objectiveId());
        dispose(second, "NO_ADVANCE", false);
        awaitStage(s, "proposal", "NO_ADVANCE");
      } finally {
        clients.values().forEach(BridgeClient::close);
      }
    }
    // A restart loads the index from SQLite: no advance on the second call, so the customer stays
    // at proposal.
    try (AdminServer again = AdminServer.start(tmp, db)) {
      CallerOutcome last = again.server.stages().lastStaged(CALLER).orElseThrow();
      assertEquals("proposal", last.stage());
      JsonNode p =
          Json.mapper()
              .readTree(
                  again
                      .admin(
                          "GET",
                          "/api/admin/preview?number=" + CALLER + "&queue=sales&agent=1001",
                          null)
                      .body());
      assertEquals("sales-proposal-review", p.get("objective").get("id").asText());
      assertEquals("NO_ADVANCE", p.get("objective").get("lastCall").get("code").asText());
    }
  }

  /**
   * Replays the trace on a fresh AMI link and returns the pop and the agent who got it, after its
   * end.
   */
  private static Popped replay(
      AdminServer s,
      AmiTrace trace,
      String link,
      Map<String, AgentRecorder> recorders,
      Map<String, BridgeClient> clients)
      throws Exception {
    try (ScriptedAmiServer ami = ScriptedAmiServer.replaying(trace, TraceReplayTest.SPEED)) {
      ami.wire()
          .setChannelDirectory(new TraceLiveChannels(trace, () -> ami.wire().loginCount() - 1));
      ami.start();
      s.server.connectAmi(
          new AmiServer(
              link,
              "127.0.0.1",
              ami.port(),
              AmiWireServer.DEFAULT_USERNAME,
              AmiWireServer.DEFAULT_SECRET));
      assertTrue(ami.awaitDone(Duration.ofSeconds(60)), "replay did not finish");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      CallStarted pop = null;
      String agent = null;
      boolean ended = false;
      while (System.nanoTime() < deadline && (pop == null || !ended)) {
        for (var e : recorders.entrySet()) {
          Message m = e.getValue().poll(20);
          if (m instanceof CallStarted c) {
            assertNull(pop, "one pop per replay");
            pop = c;
            agent = e.getKey();
          } else if (m instanceof CallEnded c && pop != null && c.callId().equals(pop.callId())) {
            ended = true;
          }
        }
      }
      assertNotNull(pop, "no pop for " + link);
      assertTrue(ended, "no end for " + pop.callId());
      return new Popped(clients.get(agent), recorders.get(agent), pop);
    }
  }

  private static void dispose(Popped p, String code, boolean advance) throws Exception {
    List<String> done =
        p.pop().objective().checklist().stream()
            .filter(ChecklistItem::required)
            .map(ChecklistItem::id)
            .toList();
    DispositionAck ack =
        p.client()
            .submit(
                new DispositionSubmit(
                    null, p.pop().callId(), code, advance, done, 0, List.of(), null, "chain test"))
            .get(10, TimeUnit.SECONDS);
    assertFalse(ack.duplicate());
    p.recorder().next(DispositionAck.class);
  }

  private static void awaitStage(AdminServer s, String stage, String code)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      var o = s.server.stages().lastStaged(CALLER);
      if (o.isPresent() && o.get().stage().equals(stage) && o.get().code().equals(code)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(
        "caller "
            + CALLER
            + " not recorded at stage "
            + stage
            + " with "
            + code
            + ": "
            + s.server.stages().snapshot());
  }
}
