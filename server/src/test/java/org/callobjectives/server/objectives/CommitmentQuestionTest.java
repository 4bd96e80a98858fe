package org.callobjectives.server.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callobjectives.protocol.Commitment;
import org.callobjectives.protocol.CommitmentAnswer;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.protocol.ObjectiveView;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.Direction;
import org.callobjectives.server.store.PendingCommitment;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which commitment a call's pop asks about: the customer's (by the digits of their number) latest
 * advance, on any queue or outbound, with its objective's question, until settled or 90 days old.
 */
class CommitmentQuestionTest {
  @TempDir Path dir;

  @Test
  void theCustomersLatestOpenAdvanceIsAskedWithItsObjectivesQuestionUntilSettledOrTooOld()
      throws Exception {
    Config c = TestServer.exampleConfig(dir.resolve("x.db"), Duration.ofMinutes(2));
    try (Store store = Store.open(dir.resolve("objectives.db"))) {
      ObjectiveView usage = c.objective("support-usage-figures").orElseThrow().view();
      save(store, c, "pbx:1", "2001", "+1 (555) 123-0001", usage, true, null);
      StageIndex index = new StageIndex(store.callerHistory());
      index.load().get(10, TimeUnit.SECONDS);
      ObjectiveResolver now = new ObjectiveResolver(() -> c, index, Clock.systemUTC());
      var agent = c.agent("1001").orElseThrow();

      Commitment asked = now.forQueueCall("sales", agent, "15551230001").objective().commitment();
      assertEquals("pbx:1", asked.callId());
      assertEquals("2001", asked.agentId());
      assertEquals("support-usage-figures", asked.objectiveId());
      assertEquals("Did they send last month's usage figures?", asked.question());
      assertEquals(usage.advance(), asked.advance());
      assertEquals(usage.timeFrame(), asked.timeFrame());
      assertEquals(asked, now.forOutbound(agent, "1-555-123-0001").objective().commitment());
      assertNull(now.forQueueCall("sales", agent, "15551230002").objective().commitment());
      assertNull(now.forQueueCall("sales", agent, null).objective().commitment());

      Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(91));
      assertNull(
          new ObjectiveResolver(() -> c, index, later)
              .forQueueCall("sales", agent, "15551230001")
              .objective()
              .commitment(),
          "90 days on, nobody remembers it");

      // Answered kept on a later call: settled, asked no more (also after a restart).
      ObjectiveView pop = now.forQueueCall("sales", agent, "15551230001").objective();
      save(store, c, "pbx:2", "1001", "15551230001", pop, false, CommitmentAnswer.KEPT);
      index.stored("1001", dispositionOf("pbx:2", false, CommitmentAnswer.KEPT), false);
      awaitNone(now, agent);
      StageIndex reloaded = new StageIndex(store.callerHistory());
      reloaded.load().get(10, TimeUnit.SECONDS);
      assertTrue(reloaded.openCommitment("15551230001").isEmpty());
    }
  }

  @Test
  void aSettledCommitmentNeverReopensWhateverOrderTheLookupsReturnIn() {
    PendingCommitment open = new PendingCommitment("1", "c1", "a", "o", "x", "y", 5, false);
    PendingCommitment newer = new PendingCommitment("1", "c2", "a", "o", "x", "y", 9, false);
    assertTrue(StageIndex.latest(open.asSettled(), open).settled());
    assertTrue(StageIndex.latest(open, open.asSettled()).settled());
    assertEquals(newer, StageIndex.latest(open.asSettled(), newer));
    assertEquals(newer, StageIndex.latest(newer, open));
  }

  private static void awaitNone(ObjectiveResolver r, org.callobjectives.server.config.Agent agent)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (r.forQueueCall("sales", agent, "15551230001").objective().commitment() != null) {
      assertTrue(System.nanoTime() < deadline, "the kept commitment is still asked");
      Thread.sleep(20);
    }
  }

  private static DispositionSubmit dispositionOf(
      String callId, boolean advance, CommitmentAnswer answer) {
    return new DispositionSubmit(
        "r-" + callId,
        callId,
        advance ? "ADVANCE" : "NO_ADVANCE",
        advance,
        List.of(),
        0,
        List.of(),
        null,
        null,
        answer);
  }

  private static void save(
      Store store,
      Config c,
      String callId,
      String agent,
      String caller,
      ObjectiveView objective,
      boolean advance,
      CommitmentAnswer answer)
      throws Exception {
    long t = System.currentTimeMillis();
    store
        .calls()
        .upsertCall(
            new CallRecord(
                callId,
                "pbx",
                Direction.INBOUND,
                "support",
                agent,
                caller,
                "Ann",
                callId,
                CallOutcome.COMPLETED,
                "caller",
                0,
                30,
                t - 60_000,
                t - 50_000,
                t - 20_000,
                objective,
                c.queue("support").orElseThrow().codes()))
        .get(10, TimeUnit.SECONDS);
    store
        .dispositions()
        .saveDisposition(agent, dispositionOf(callId, advance, answer), (call, d) -> {})
        .get(10, TimeUnit.SECONDS);
  }
}
