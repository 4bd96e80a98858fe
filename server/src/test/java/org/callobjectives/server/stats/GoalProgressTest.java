package org.callobjectives.server.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.Direction;
import org.callobjectives.server.goals.GoalsLoader;
import org.callobjectives.server.store.StatsRow;
import org.callobjectives.server.store.StatsStore;
import org.callobjectives.server.store.StatsTotals;
import org.callobjectives.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A goal's status says what its bar shows, and a percentage says what it rests on. */
class GoalProgressTest {
  @TempDir Path dir;

  private static final Instant TEN_AM = Instant.parse("2026-12-01T10:00:00Z");

  private Map<String, LiveSnapshot.GoalProgress> goals(int callsWithAdvance) throws Exception {
    Files.writeString(
        dir.resolve("goals.yaml"),
        """
        timeZone: UTC
        shifts:
          - {name: early, start: "08:00", end: "16:00"}
        goals:
          - {id: two-calls, title: Two calls a shift, metric: calls, target: 2, period: shift}
          - {id: growth, title: "+10 % advances", metric: advances, change: 10, period: day}
          - {id: rate, title: Advance rate 50 %, metric: advance_rate, target: 50, period: day}
        """);
    Config c = TestServer.exampleConfig(dir.resolve("unused.db"), Duration.ofSeconds(120));
    Clock clock = Clock.fixed(TEN_AM, ZoneOffset.UTC);
    try (LiveStats stats = new LiveStats(() -> c, GoalsLoader.load(dir, c), clock)) {
      stats.rebuild(
          new StatsStore() {
            @Override
            public CompletableFuture<List<StatsRow>> rows(long from, long to) {
              return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletableFuture<List<StatsTotals>> totals(long from, long to) {
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
      for (int i = 0; i < callsWithAdvance; i++) {
        stats.ended(
            new CallRecord(
                "pbx:" + i,
                "pbx",
                Direction.INBOUND,
                "sales",
                agent,
                "555",
                "Ann",
                "1." + i,
                CallOutcome.COMPLETED,
                "caller",
                3,
                60,
                now - 70_000,
                now - 60_000,
                now,
                null,
                List.of()));
        stats.stored(
            agent,
            new DispositionSubmit(
                "r" + i, "pbx:" + i, "ADVANCE", true, List.of(), 0, List.of(), null, null),
            false);
      }
      return stats.snapshot().get(10, TimeUnit.SECONDS).goals().stream()
          .filter(g -> !g.id().equals("upsell-opportunities-per-shift")) // one per agent
          .collect(Collectors.toMap(LiveSnapshot.GoalProgress::id, Function.identity()));
    }
  }

  @Test
  void anEmptyBarBehindThePaceMarkIsBehindNotOnTrack() throws Exception {
    LiveSnapshot.GoalProgress g = goals(0).get("two-calls");
    assertEquals(0.5, g.expected(), "two hours of an eight-hour shift: a quarter of 2");
    assertEquals(0.0, g.value());
    assertEquals("behind", g.status());
  }

  @Test
  void aBarAtOrPastThePaceMarkIsOnTrackAndTheTargetReachedIsReached() throws Exception {
    assertEquals("reached", goals(2).get("two-calls").status());
    assertEquals("on_track", goals(1).get("two-calls").status());
  }

  @Test
  void aChangeGoalWithNothingLastPeriodHasNoBaselineInsteadOfATargetOfOne() throws Exception {
    LiveSnapshot.GoalProgress g = goals(1).get("growth");
    assertEquals("no_baseline", g.status());
    assertNull(g.target());
  }

  @Test
  void aPercentageGoalCarriesTheCallsItRestsOn() throws Exception {
    LiveSnapshot.GoalProgress g = goals(2).get("rate");
    assertEquals(100.0, g.value());
    assertEquals(2L, g.base());
    assertNull(goals(1).get("two-calls").base(), "counts need no base");
  }
}
