package org.callobjectives.server.funnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.callobjectives.server.store.DatabaseLocation;
import org.callobjectives.server.store.FunnelStep;
import org.callobjectives.server.store.Store;
import org.callobjectives.server.testing.ManualClock;
import org.callobjectives.server.testing.SeededRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The funnel over seeded rows, on SQLite and on a real PostgreSQL: the same customers per stage,
 * conversions, median times and stalled list, by a virtual clock.
 */
abstract class FunnelContract {
  static final long MIN = 60_000;
  static final long DAY = 86_400_000;
  static final List<Funnel.StageDef> CHAIN =
      List.of(
          new Funnel.StageDef("demo", "sales-demo-booked", "Book a product demo"),
          new Funnel.StageDef("proposal", "sales-proposal-review", "Agree the proposal review"),
          new Funnel.StageDef("close", "sales-close", "Close: signed order form"));
  static final Map<String, String> NAMES = Map.of("1001", "Alice", "1002", "Bob");

  private final List<Store> opened = new ArrayList<>();

  abstract DatabaseLocation location();

  abstract Connection connect() throws Exception;

  @AfterEach
  void close() {
    opened.forEach(Store::close);
  }

  /**
   * Five customers over 40 days: A goes through every stage; B advanced once then stalled at
   * proposal (calling from the same number written two ways); C had a first demo call 10 days ago;
   * D asked not to be called; H reached close and stalled there. Noise that must not count: a call
   * at a stage since removed, a missed wrap-up, a support call, another queue's stage.
   */
  private Store seeded(long t0) throws Exception {
    Store s = Store.open(location());
    opened.add(s);
    try (Connection c = connect()) {
      SeededRows r = new SeededRows(c);
      step(r, "a1", "15550000001", "demo", "1001", t0, "NO_ADVANCE", false);
      step(r, "a2", "15550000001", "demo", "1001", t0 + 2 * DAY, "ADVANCE", true);
      step(r, "a3", "15550000001", "proposal", "1002", t0 + 5 * DAY, "ADVANCE", true);
      step(r, "a4", "15550000001", "close", "1002", t0 + 9 * DAY, "SALE", true);
      step(r, "b1", "+1 555 000 0002", "demo", "1001", t0 + DAY, "ADVANCE", true);
      step(r, "b2", "15550000002", "proposal", "1002", t0 + 20 * DAY, "NO_ADVANCE", false);
      step(r, "c1", "15550000003", "demo", "1001", t0 + 30 * DAY, "NO_ADVANCE", false);
      r.call("d1", "sales", "1002", "15550000004", "demo", t0 + 3 * DAY)
          .disposition("d1", "1002", "DO_NOT_CALL", false, true, t0 + 3 * DAY + 5 * MIN);
      step(r, "h1", "15550000008", "demo", "1001", t0 + 10 * DAY, "ADVANCE", true);
      step(r, "h2", "15550000008", "proposal", "1001", t0 + 11 * DAY, "NO_ADVANCE", false);
      step(r, "h3", "15550000008", "proposal", "1002", t0 + 12 * DAY, "ADVANCE", true);
      step(r, "e1", "15550000005", "old-stage", "1001", t0 + 4 * DAY, "ADVANCE", true);
      r.call("f1", "sales", "1001", "15550000006", "demo", t0 + 6 * DAY)
          .disposition("f1", "1001", "UNDISPOSED", false, false, t0 + 6 * DAY + 5 * MIN);
      r.call("s1", "support", "1001", "15550000007", null, t0 + 7 * DAY)
          .disposition("s1", "1001", "ADVANCE", true, false, t0 + 7 * DAY + 5 * MIN);
      r.call("x1", "renewals", "1001", "15550000001", "demo", t0 + 8 * DAY)
          .disposition("x1", "1001", "ADVANCE", true, false, t0 + 8 * DAY + 5 * MIN);
    }
    return s;
  }

  /** A call at {@code at} dispositioned 5 minutes later. */
  private static void step(
      SeededRows r,
      String id,
      String number,
      String stage,
      String agent,
      long at,
      String code,
      boolean advance)
      throws Exception {
    r.call(id, "sales", agent, number, stage, at)
        .disposition(id, agent, code, advance, false, at + 5 * MIN);
  }

  private static FunnelReport funnel(Store s, long now, int stalledDays) throws Exception {
    List<FunnelStep> steps = s.funnel().steps("sales").get(10, TimeUnit.SECONDS);
    return Funnel.compute("sales", CHAIN, steps, now, stalledDays, NAMES::get);
  }

  @Test
  void theStoreReadsOnlyTheQueuesDispositionedStagedCallsOldestFirst() throws Exception {
    ManualClock clock = new ManualClock();
    long t0 = clock.millis() - 40 * DAY;
    Store s = seeded(t0);
    List<FunnelStep> steps = s.funnel().steps("sales").get(10, TimeUnit.SECONDS);
    assertEquals(
        List.of("a1", "b1", "a2", "d1", "e1", "a3", "a4", "h1", "h2", "h3", "b2", "c1"),
        steps.stream().map(FunnelStep::callId).toList());
    FunnelStep d = steps.get(3);
    assertEquals("DO_NOT_CALL", d.code());
    assertEquals(true, d.doNotCall());
    assertEquals(t0 + 3 * DAY, d.callStartedAtMillis());
    assertEquals(t0 + 3 * DAY + 5 * MIN, d.dispositionAtMillis());
  }

  @Test
  void customersPerStageConversionsAndMedianTimesFollowTheChainsRule() throws Exception {
    ManualClock clock = new ManualClock();
    long t0 = clock.millis() - 40 * DAY;
    FunnelReport r = funnel(seeded(t0), clock.millis(), 14);
    assertEquals(5, r.customers(), "A, B, C, D and H; E's stage is gone, F never dispositioned");
    assertEquals(1, r.completed(), "A signed");
    assertEquals(1, r.doNotCall());
    assertEquals(1, r.callsAtUnknownStages());
    assertEquals(List.of(2L, 1L, 1L), r.stages().stream().map(l -> l.now()).toList());
    assertEquals(List.of(5L, 3L, 2L), r.stages().stream().map(l -> l.reached()).toList());
    assertEquals(List.of(3L, 2L, 1L), r.stages().stream().map(l -> l.advanced()).toList());
    assertEquals(List.of(60.0, 66.7, 50.0), r.stages().stream().map(l -> l.conversion()).toList());
    // demo: A 2 days 5 min (first call to the advance), B and H 5 min -> 5 min.
    // proposal: A 5 min, H 1 day 5 min (from its first proposal call) -> their mean.
    assertEquals(5 * MIN, r.stages().get(0).medianMillisToAdvance());
    assertEquals(3L, r.stages().get(0).advancedWithTimes());
    assertEquals((5 * MIN + DAY + 5 * MIN) / 2, r.stages().get(1).medianMillisToAdvance());
    assertEquals(5 * MIN, r.stages().get(2).medianMillisToAdvance());
  }

  @Test
  void customersWithoutAnAdvanceForNDaysAreListedWithTheirLastCallAndTheClockMovesThemIn()
      throws Exception {
    ManualClock clock = new ManualClock();
    long t0 = clock.millis() - 40 * DAY;
    Store s = seeded(t0);
    FunnelReport r = funnel(s, clock.millis(), 14);
    assertEquals(
        List.of(
            new FunnelReport.Stalled(
                "15550000002",
                "proposal",
                2,
                38,
                t0 + DAY + 5 * MIN,
                t0 + 20 * DAY,
                "b2",
                "1002",
                "Bob",
                "NO_ADVANCE"),
            new FunnelReport.Stalled(
                "15550000008",
                "close",
                3,
                27,
                t0 + 12 * DAY + 5 * MIN,
                t0 + 12 * DAY,
                "h3",
                "1002",
                "Bob",
                "ADVANCE")),
        r.stalled());
    assertEquals(List.of(0L, 1L, 1L), r.stages().stream().map(l -> l.stalled()).toList());

    // C's first demo call was 10 days ago: stalled once 14 days have gone by without an advance.
    clock.advance(Duration.ofDays(4).minusMinutes(1));
    assertEquals(2, funnel(s, clock.millis(), 14).stalled().size());
    clock.advance(Duration.ofMinutes(1));
    FunnelReport later = funnel(s, clock.millis(), 14);
    assertEquals(
        List.of("15550000002", "15550000008", "15550000003"),
        later.stalled().stream().map(FunnelReport.Stalled::callerNumber).toList());
    assertEquals(14, later.stalled().get(2).daysStalled());
    assertEquals(1, funnel(s, clock.millis(), 35).stalled().size(), "a longer threshold: B only");

    String csv = FunnelCsv.stalled(List.of(later));
    List<String> lines = csv.lines().toList();
    assertEquals(4, lines.size(), csv);
    assertEquals(
        "sales,15550000002,proposal,2,42,"
            + Instant.ofEpochMilli(t0 + DAY + 5 * MIN)
            + ","
            + Instant.ofEpochMilli(t0 + 20 * DAY)
            + ",b2,1002,Bob,NO_ADVANCE",
        lines.get(1));
  }
}
