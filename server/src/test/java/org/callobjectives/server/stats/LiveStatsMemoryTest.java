package org.callobjectives.server.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.Direction;
import org.callobjectives.server.goals.GoalsLoader;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The live figures keep sums per slot, not every call of the period. */
class LiveStatsMemoryTest {
  @Test
  void settledCallsAreCountedButOnlyOpenUndisposedAndTheLatestFewAreHeld() throws Exception {
    Config c = TestServer.exampleConfig(Path.of("unused.db"), Duration.ofSeconds(120));
    Clock clock = Clock.systemUTC();
    try (LiveStats stats =
        new LiveStats(() -> c, GoalsLoader.load(TestServer.CONFIG_DIR, c), clock)) {
      stats.rebuild(
          new org.callobjectives.server.store.StatsStore() {
            @Override
            public CompletableFuture<List<org.callobjectives.server.store.StatsRow>> rows(
                long from, long to) {
              return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletableFuture<List<org.callobjectives.server.store.StatsTotals>> totals(
                long from, long to) {
              return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletableFuture<List<org.callobjectives.server.store.CommitmentTotals>>
                commitments(long from, long to) {
              return CompletableFuture.completedFuture(List.of());
            }
          });
      String agent = c.agents().get(0).id();
      long now = clock.millis();
      int calls = 3000;
      for (int i = 0; i < calls; i++) {
        CallRecord up = call("pbx:" + i, agent, CallOutcome.CONNECTED, now, null);
        stats.connected(up, 0);
        stats.ended(call("pbx:" + i, agent, CallOutcome.COMPLETED, now, now + 1000));
        if (i % 100 == 0) {
          stats.undisposed(agent, "pbx:" + i); // these may still get a late disposition
        } else {
          stats.stored(
              agent,
              new DispositionSubmit(
                  "r" + i, "pbx:" + i, "ADVANCE", true, List.of(), 0, List.of(), null, null),
              false);
        }
      }
      stats.connected(call("pbx:open", agent, CallOutcome.CONNECTED, now, null), 0);
      int held = stats.factsHeld().get(10, TimeUnit.SECONDS);
      assertTrue(held <= 25 + 30 + 1, "facts held: " + held);
      LiveSnapshot.Row today =
          stats.snapshot().get(10, TimeUnit.SECONDS).views().get("today").total();
      assertEquals(calls, today.handled());
      assertEquals(calls - 30, today.dispositioned());
      assertEquals(calls - 30, today.advances());
      assertEquals(1, today.inProgress());

      stats.stored(
          agent,
          new DispositionSubmit(
              "late", "pbx:100", "ADVANCE", true, List.of(), 0, List.of(), null, null),
          true);
      assertEquals(
          calls - 29,
          stats.snapshot().get(10, TimeUnit.SECONDS).views().get("today").total().dispositioned(),
          "a late disposition for a missed wrap-up is still counted");
    }
  }

  private static CallRecord call(
      String id, String agent, CallOutcome outcome, long connectedAt, Long endedAt) {
    return new CallRecord(
        id,
        "pbx",
        Direction.INBOUND,
        "sales",
        agent,
        "555",
        "Ann",
        "1.0",
        outcome,
        endedAt == null ? null : "caller",
        0,
        endedAt == null ? 0 : 1,
        connectedAt - 5000,
        connectedAt,
        endedAt,
        null,
        List.of());
  }
}
