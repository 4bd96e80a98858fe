package org.callobjectives.server.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.ConfigException;
import org.callobjectives.server.config.YamlSource;
import org.callobjectives.server.objectives.lint.Lint;
import org.junit.jupiter.api.Test;

class GoalsLoaderTest {
  static final Path CONFIG = Path.of("..", "config");

  private static Config config() throws Exception {
    return Lint.loader(CONFIG).load();
  }

  private static ConfigException error(String yaml) throws Exception {
    Config c = config();
    return assertThrows(
        ConfigException.class,
        () -> GoalsLoader.parse(YamlSource.parse(Path.of("goals.yaml"), yaml), c));
  }

  @Test
  void longCallAndWrapUpThresholdsLoadAndAreCheckedByName() throws Exception {
    GoalsConfig g = GoalsLoader.load(CONFIG, config());
    assertEquals(900, g.longCallSeconds());
    assertEquals(90, g.longWrapUpSeconds());
    assertTrue(
        error("longWrapUpSeconds: 2\n")
            .getMessage()
            .contains("longWrapUpSeconds must be 10..86400"));
  }

  @Test
  void theFunnelsStallThresholdAndTheRealismPeriodsLoadWithDefaultsAndAreCheckedWithTheirLine()
      throws Exception {
    GoalsConfig shipped = GoalsLoader.load(CONFIG, config());
    assertEquals(14, shipped.stalledDays());
    assertEquals(8, shipped.realismPeriods());
    GoalsConfig none = GoalsLoader.parse(YamlSource.parse(Path.of("goals.yaml"), "{}\n"), config());
    assertEquals(GoalsConfig.DEFAULT_STALLED_DAYS, none.stalledDays());
    assertEquals(GoalsConfig.DEFAULT_REALISM_PERIODS, none.realismPeriods());
    GoalsConfig set =
        GoalsLoader.parse(
            YamlSource.parse(
                Path.of("goals.yaml"),
                "funnel: {stalledDays: 30}\ntargetsRealism: {periods: 12}\n"),
            config());
    assertEquals(30, set.stalledDays());
    assertEquals(12, set.realismPeriods());
    ConfigException zero = error("weekStart: monday\nfunnel:\n  stalledDays: 0\n");
    assertEquals(3, zero.line());
    assertTrue(zero.getMessage().contains("funnel.stalledDays"), zero.getMessage());
    assertTrue(zero.getMessage().contains("1..365, not 0"), zero.getMessage());
    assertTrue(
        error("targetsRealism: {periods: 2}\n").getMessage().contains("must be 4..104, not 2"));
    assertTrue(
        error("funnel: {stallDays: 3}\n").getMessage().contains("unknown key 'stallDays'"),
        error("funnel: {stallDays: 3}\n").getMessage());
  }

  @Test
  void theShippedGoalsLoadWithTwoShiftsAndThePerAgentUpsellTarget() throws Exception {
    GoalsConfig g = GoalsLoader.load(CONFIG, config());
    assertEquals(
        List.of("early", "late"), g.calendar().shifts().stream().map(Shift::name).toList());
    assertEquals(2, g.upsellOpportunitiesPerShift());
    assertTrue(
        g.goals().stream()
            .anyMatch(
                x ->
                    x.id().equals("upsell-opportunities-per-shift")
                        && x.scope() == Goal.Scope.EACH_AGENT));
    assertTrue(
        g.goals().stream()
            .anyMatch(
                x -> x.changePercent() != null && x.period().kind() == PeriodSpec.Kind.RANGE));
  }

  @Test
  void mistakesNameTheFileLineAndTheFix() throws Exception {
    ConfigException unknownQueue =
        error(
            """
        goals:
          - id: a
            metric: calls
            target: 5
            period: week
            queue: nosuchqueue
        """);
    assertEquals(6, unknownQueue.line());
    assertTrue(
        unknownQueue.getMessage().startsWith("goals.yaml:6: unknown queue 'nosuchqueue'"),
        unknownQueue.getMessage());
    assertTrue(
        error("goals:\n  - {id: a, metric: speed, target: 5, period: week}\n")
            .getMessage()
            .contains("metrics are calls, opportunities"));
    assertTrue(
        error("goals:\n  - {id: a, metric: csat, target: 120, period: week}\n")
            .getMessage()
            .contains("percentage"));
    assertTrue(
        error("goals:\n  - {id: a, metric: calls, target: 5, change: 10, period: week}\n")
            .getMessage()
            .contains("exactly one of target"));
    assertTrue(
        error("goals:\n  - {id: a, metric: calls, target: 5, period: fortnight}\n")
            .getMessage()
            .contains("period must be shift, day, week, month"));
    ConfigException overlap =
        error(
            """
        shifts:
          - {name: early, start: "08:00", end: "16:00"}
          - {name: mid, start: "12:00", end: "20:00"}
        """);
    assertEquals(3, overlap.line());
    assertTrue(overlap.getMessage().contains("overlaps"), overlap.getMessage());
    assertTrue(
        error("shifts:\n  - {name: x, start: \"8am\", end: \"16:00\"}\n")
            .getMessage()
            .contains("HH:MM"));
    assertTrue(error("colour: blue\n").getMessage().contains("unknown key 'colour'"));
  }

  @Test
  void aNightShiftBelongsToTheDateItStartedAndPaceCountsOnlyShiftTime() throws Exception {
    GoalsConfig g =
        GoalsLoader.parse(
            YamlSource.parse(
                Path.of("goals.yaml"),
                """
        timeZone: Europe/Berlin
        shifts:
          - {name: day, start: "08:00", end: "20:00"}
          - {name: night, start: "20:00", end: "08:00"}
        """),
            config());
    ShiftCalendar cal = g.calendar();
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    long at0300 = ZonedDateTime.of(2026, 11, 24, 3, 0, 0, 0, berlin).toInstant().toEpochMilli();
    assertEquals(new Slot(LocalDate.of(2026, 11, 23), "night"), cal.slotOf(at0300));
    Window night = cal.window(PeriodSpec.of(PeriodSpec.Kind.SHIFT), at0300);
    assertEquals(7.0 / 12, cal.workedFraction(night, at0300), 1e-9);
    Window week = cal.window(PeriodSpec.of(PeriodSpec.Kind.WEEK), at0300);
    assertEquals(LocalDate.of(2026, 11, 23), week.from());
    assertEquals(LocalDate.of(2026, 11, 29), week.to());
    assertEquals(LocalDate.of(2026, 11, 16), cal.previous(week).from());
  }
}
