package org.callobjectives.server.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.goals.GoalsConfig;
import org.callobjectives.server.goals.GoalsLoader;
import org.callobjectives.server.objectives.lint.Lint;
import org.callobjectives.server.store.DatabaseLocation;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.testing.ManualClock;
import org.callobjectives.server.testing.SeededRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Targets realism over eight seeded weeks of sales calls, on SQLite and on a real PostgreSQL: a
 * target above anything reached and one that asks for nothing are warned about with the figures, a
 * target within the 10th-90th percentile is not, too little history says so, change goals are not
 * judged.
 */
abstract class TargetsRealismContract {
  /** Advances of 20 calls in each of the 8 weeks before the clock's week (oldest first). */
  static final int[] ADVANCES = {5, 6, 7, 5, 8, 6, 7, 9};

  static final String GOALS =
      """
      timeZone: UTC
      weekStart: monday
      upsellOpportunitiesPerShift: 0
      goals:
        - {id: rate-too-high, title: Sales advance rate 60 %, metric: advance_rate, target: 60, period: week, queue: sales}
        - {id: rate-fine, metric: advance_rate, target: 35, period: week, queue: sales}
        - {id: advances-too-low, metric: advances, target: 2, period: week, queue: sales}
        - {id: calls-per-day, metric: calls, target: 10, period: day}
        - {id: growth, metric: calls, change: 10, period: week}
        - {id: support-rate, metric: advance_rate, target: 50, period: week, queue: support}
        - {id: each-agent, metric: advances, target: 20, period: week, eachAgent: true}
      """;

  @TempDir Path dir;
  private Store store;

  abstract DatabaseLocation location();

  abstract Connection connect() throws Exception;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private Map<String, TargetsRealism.Check> checks(ManualClock clock) throws Exception {
    Path cfg = Path.of("..", "config");
    Config config = Lint.loader(cfg).load();
    Path goals = Files.createDirectories(dir.resolve("goals"));
    Files.writeString(goals.resolve("goals.yaml"), GOALS);
    GoalsConfig g = GoalsLoader.load(goals, config);
    store = Store.open(location());
    // Week by week, all calls on the Tuesday: Tuesday 2026-11-24 is the only day of the last 8.
    LocalDate thisMonday = LocalDate.of(2026, 11, 30);
    try (Connection c = connect()) {
      SeededRows rows = new SeededRows(c);
      for (int w = 0; w < ADVANCES.length; w++) {
        LocalDate tuesday = thisMonday.minusWeeks(ADVANCES.length - w).plusDays(1);
        long t = tuesday.atTime(9, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
        for (int i = 0; i < 20; i++) {
          String id = "w" + w + "c" + i;
          long at = t + i * 600_000L;
          boolean advance = i < ADVANCES[w];
          rows.call(id, "sales", i % 2 == 0 ? "1001" : "1002", "1555000" + i, "demo", at)
              .disposition(
                  id,
                  i % 2 == 0 ? "1001" : "1002",
                  advance ? "ADVANCE" : "NO_ADVANCE",
                  advance,
                  false,
                  at + 120_000);
        }
      }
    }
    List<TargetsRealism.Check> list =
        new TargetsRealism(() -> config, g, store.stats())
            .check(clock.millis())
            .get(30, TimeUnit.SECONDS);
    return list.stream()
        .collect(Collectors.toMap(TargetsRealism.Check::goalId, Function.identity()));
  }

  @Test
  void aTargetAboveAnythingReachedWarnsWithThePercentilesAndARangeToConsider() throws Exception {
    TargetsRealism.Check c = checks(new ManualClock()).get("rate-too-high");
    // Rates 25 30 35 25 40 30 35 45 %: 10th percentile 25, median 32.5, 90th 41.5.
    assertEquals("above", c.status());
    assertTrue(c.warns());
    assertEquals(8, c.periodsWithData());
    assertEquals(25.0, c.p10());
    assertEquals(32.5, c.median());
    assertEquals(41.5, c.p90());
    assertEquals(45.0, c.max());
    assertEquals(
        "advance rate target 60 % per week is above anything reached in the last 8 weeks"
            + " (10th-90th percentile 25-42 %); consider 33-42 %",
        c.message());
  }

  @Test
  void aTargetWithinWhatTheTeamReachesPassesAndOneThatAsksForNothingWarns() throws Exception {
    Map<String, TargetsRealism.Check> all = checks(new ManualClock());
    TargetsRealism.Check fine = all.get("rate-fine");
    assertEquals("ok", fine.status(), fine.message());
    assertFalse(fine.warns());
    TargetsRealism.Check low = all.get("advances-too-low");
    assertEquals("below", low.status(), low.message());
    assertEquals(5.0, low.p10());
    assertTrue(
        low.message()
            .startsWith(
                "advances target 2 per week is below anything reached in the last 8 weeks"
                    + " (10th-90th percentile 5-8.3)"),
        low.message());
  }

  @Test
  void aGoalForEachAgentIsJudgedOnEveryAgentsWeeksCountingWeeksNotPoints() throws Exception {
    TargetsRealism.Check c = checks(new ManualClock()).get("each-agent");
    // Alice's weeks 3 3 4 3 4 3 4 5 and Bob's 2 3 3 2 4 3 3 4 advances.
    assertEquals("above", c.status());
    assertEquals(8, c.periodsWithData());
    assertEquals(
        "advances target 20 per week is above anything reached in the last 8 weeks"
            + " (10th-90th percentile per agent 2.5-4); consider 3-4",
        c.message());
  }

  @Test
  void tooLittleHistorySaysSoAndChangeGoalsAreNotJudged() throws Exception {
    Map<String, TargetsRealism.Check> all = checks(new ManualClock());
    TargetsRealism.Check day = all.get("calls-per-day");
    assertEquals("not_enough_history", day.status());
    assertEquals(1, day.periodsWithData());
    assertEquals(
        "calls target 10 per day: not enough history to judge (1 of the last 8 days with calls;"
            + " needs 4)",
        day.message());
    assertEquals("not_enough_history", all.get("support-rate").status(), "no support calls");
    assertEquals("not_checked", all.get("growth").status());
    assertFalse(all.get("growth").warns());
  }
}
