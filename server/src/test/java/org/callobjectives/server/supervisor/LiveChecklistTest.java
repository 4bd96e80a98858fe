package org.callobjectives.server.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.bridge.BridgeClient;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ComplianceReminder;
import org.callobjectives.protocol.Welcome;
import org.callobjectives.server.e2e.TraceReplayTest;
import org.callobjectives.server.testing.AgentRecorder;
import org.callobjectives.server.testing.SupervisedServer;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live checklist over a real WebSocket with the real agent-bridge client: ticks reach the
 * supervisor's figures while the call is on, and a required compliance item still unticked past the
 * reminder time flags the call and reminds the agent, once. The live figures run 10 minutes ahead,
 * so that a real 3-second call is past goals.yaml's 60 seconds.
 */
class LiveChecklistTest {
  @TempDir Path dir;

  @Test
  void ticksReachTheSupervisorAndAMissingComplianceItemFlagsTheCallAndRemindsTheAgentOnce()
      throws Exception {
    assumeTrue(Files.isDirectory(TraceReplayTest.TRACES), "AMI traces not found: skipped");
    Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
    AgentRecorder alice = new AgentRecorder("1001");
    try (SupervisedServer ss = SupervisedServer.start(dir, Duration.ofMinutes(2), 0, ahead);
        BridgeClient client = new BridgeClient(ss.agentUri(), "1001", "demo-1001", null, alice);
        ScriptedAmiServer ami =
            ScriptedAmiServer.replaying(
                    AmiTrace.load(TraceReplayTest.TRACES, "a_sales_caller_hangup"), 0.5)
                .start()) {
      client.start();
      alice.await(Welcome.class, 10);
      ss.server.connectAmi(TestServer.link("trace", ami.port()));
      CallStarted pop = alice.await(CallStarted.class, 20);

      // Nothing ticked yet and the call is "10 minutes" old: flagged, and Alice is reminded.
      JsonNode flagged = awaitCall(ss, pop.callId(), c -> c.get("flagged").asBoolean());
      assertEquals(0, flagged.get("checklistDone").asInt());
      assertTrue(
          flagged.get("missingCompliance").toString().contains("recorded"),
          "the missing compliance items are named: " + flagged);
      ComplianceReminder r = awaitReminder(alice);
      assertEquals(pop.callId(), r.callId());
      assertTrue(r.secondsIntoCall() >= 60, "sent past the reminder time: " + r);

      // Alice ticks every required compliance item: the supervisor sees it, the flag goes.
      List<String> compliance =
          pop.objective().checklist().stream()
              .filter(i -> i.required() && i.kind().name().equals("COMPLIANCE"))
              .map(i -> i.id())
              .toList();
      client.checklistProgress(pop.callId(), compliance);
      JsonNode ticked = awaitCall(ss, pop.callId(), c -> !c.get("flagged").asBoolean());
      assertEquals(compliance.size(), ticked.get("checklistDone").asInt());
      assertEquals(0, ticked.get("missingCompliance").size());

      // A tick for a call that is not Alice's is ignored.
      client.checklistProgress("pbx:not-hers", compliance);
      Thread.sleep(500);
      assertEquals(1, alice.reminders().size(), "one reminder a call (goals.yaml), no more");
      assertFalse(alice.reminders().isEmpty());
    }
  }

  private static ComplianceReminder awaitReminder(AgentRecorder a) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (a.reminders().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertFalse(a.reminders().isEmpty(), "no compliance reminder came");
    return a.reminders().get(0);
  }

  private static JsonNode awaitCall(SupervisedServer ss, String callId, Predicate<JsonNode> test)
      throws Exception {
    return ss.awaitLiveRow(
        live -> live.get("inProgress"), "callId", callId, test, Duration.ofSeconds(10));
  }
}
