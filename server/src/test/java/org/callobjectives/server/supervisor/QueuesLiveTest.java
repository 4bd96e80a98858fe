package org.callobjectives.server.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.callobjectives.amisim.AmiTrace;
import org.callobjectives.amisim.ScriptedAmiServer;
import org.callobjectives.server.e2e.TraceReplayTest;
import org.callobjectives.server.testing.SupervisedServer;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Asterisk streams at their own pace: the supervisor's queue rows show the caller waiting
 * while they wait, then the service level and abandons of the day.
 */
class QueuesLiveTest {
  @TempDir Path dir;

  @Test
  void aCallerWaitingThenAnsweredAndACallerWhoAbandonsShowInTheQueueRows() throws Exception {
    assumeTrue(Files.isDirectory(TraceReplayTest.TRACES), "AMI traces not found: skipped");
    try (SupervisedServer ss = SupervisedServer.start(dir, Duration.ofSeconds(30));
        ScriptedAmiServer sales =
            ScriptedAmiServer.replaying(
                    AmiTrace.load(TraceReplayTest.TRACES, "a_sales_caller_hangup"), 1)
                .start();
        ScriptedAmiServer support =
            ScriptedAmiServer.replaying(
                    AmiTrace.load(TraceReplayTest.TRACES, "c2_abandon_all_paused"), 1)
                .start()) {
      connect(ss, "a", sales);
      connect(ss, "c", support);

      JsonNode waitingSales = awaitQueue(ss, "sales", q -> q.get("waiting").asInt() == 1);
      assertTrue(
          waitingSales.get("oldestWaitMillis").asLong() <= System.currentTimeMillis(),
          "the wait started in the past: " + waitingSales);
      JsonNode waitingSupport = awaitQueue(ss, "support", q -> q.get("waiting").asInt() == 1);
      assertEquals(1, waitingSupport.get("waiting").asInt());

      assertTrue(sales.awaitDone(Duration.ofSeconds(30)), "trace a replayed");
      assertTrue(support.awaitDone(Duration.ofSeconds(30)), "trace c2 replayed");

      // Ann waited 2 s for Alice: answered within the sales threshold (20 s by default).
      JsonNode salesDone = awaitQueue(ss, "sales", q -> q.get("offered").asInt() == 1);
      assertEquals(0, salesDone.get("waiting").asInt());
      assertEquals(1, salesDone.get("answeredInTarget").asInt());
      assertEquals(100.0, salesDone.get("serviceLevel").asDouble());
      assertEquals(20, salesDone.get("serviceLevelSeconds").asInt());
      // Everyone in support was paused: the caller hung up after ~3 s, an abandon.
      JsonNode supportDone = awaitQueue(ss, "support", q -> q.get("abandoned").asInt() == 1);
      assertEquals(0, supportDone.get("waiting").asInt());
      assertEquals(1, supportDone.get("offered").asInt());
      assertEquals(0.0, supportDone.get("serviceLevel").asDouble());
      assertEquals(100.0, supportDone.get("abandonRate").asDouble());
    }
  }

  private static void connect(SupervisedServer ss, String name, ScriptedAmiServer ami) {
    ss.server.connectAmi(TestServer.link(name, ami.port()));
  }

  private static JsonNode awaitQueue(SupervisedServer ss, String queue, Predicate<JsonNode> test)
      throws Exception {
    return ss.awaitLiveRow(
        live -> live.get("views").get("today").get("queues"),
        "id",
        queue,
        test,
        Duration.ofSeconds(20));
  }
}
