package org.callobjectives.server.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SequentialTestTest {
  private final SequentialTest test = new SequentialTest();

  /** Outcome of one simulated experiment: the day of the first verdict (0 if none) and which. */
  private record Run(int day, Verdict verdict) {}

  /**
   * One experiment looked at after each day: every call goes to A or B by a fair coin (as the hash
   * split does), and gets the advance with its arm's rate.
   */
  private Run simulate(
      SplittableRandom rng, double rateA, double rateB, int callsPerArmPerDay, int days) {
    long nA = 0;
    long xA = 0;
    long nB = 0;
    long xB = 0;
    for (int day = 1; day <= days; day++) {
      for (int c = 0; c < 2 * callsPerArmPerDay; c++) {
        if (rng.nextBoolean()) {
          nA++;
          xA += rng.nextDouble() < rateA ? 1 : 0;
        } else {
          nB++;
          xB += rng.nextDouble() < rateB ? 1 : 0;
        }
      }
      Verdict v =
          test.evaluate(List.of(new Arm("A", nA, xA), new Arm("B", nB, xB)))
              .comparisons()
              .get(0)
              .verdict();
      if (v == Verdict.WINNER || v == Verdict.LOSER) {
        return new Run(day, v);
      }
    }
    return new Run(0, Verdict.KEEP_RUNNING);
  }

  @Test
  void anAaSimulationOfTenThousandExperimentsLookedAtDailyDeclaresAtMostFivePercentAWinner() {
    SplittableRandom rng = new SplittableRandom(20_260_415L);
    int experiments = 10_000;
    int winners = 0;
    int losers = 0;
    for (int i = 0; i < experiments; i++) {
      Run run = simulate(rng, 0.30, 0.30, 40, 30);
      if (run.verdict() == Verdict.WINNER) {
        winners++;
      } else if (run.verdict() == Verdict.LOSER) {
        losers++;
      }
    }
    System.out.printf(
        "A/A, 30 %% both, 40 calls/arm/day, 30 daily looks, %,d experiments: %.2f %% declared a"
            + " winner, %.2f %% a loser, %.2f %% any verdict%n",
        experiments,
        100.0 * winners / experiments,
        100.0 * losers / experiments,
        100.0 * (winners + losers) / experiments);
    assertTrue(winners + losers <= 0.05 * experiments, "false verdicts: " + (winners + losers));
  }

  @Test
  void aRealTenPointDifferenceIsFoundInMostExperimentsWithinThirtyDays() {
    SplittableRandom rng = new SplittableRandom(7L);
    int experiments = 2_000;
    int found = 0;
    int wrongWay = 0;
    List<Integer> days = new ArrayList<>();
    for (int i = 0; i < experiments; i++) {
      Run run = simulate(rng, 0.30, 0.40, 40, 30);
      if (run.verdict() == Verdict.WINNER) {
        found++;
        days.add(run.day());
      } else if (run.verdict() == Verdict.LOSER) {
        wrongWay++;
      }
    }
    days.sort(null);
    int median = days.isEmpty() ? 0 : days.get(days.size() / 2);
    System.out.printf(
        "A/B, 30 %% -> 40 %%, 40 calls/arm/day, %,d experiments: B declared the winner within 30"
            + " days in %.1f %%, median %d days%n",
        experiments, 100.0 * found / experiments, median);
    assertTrue(found >= 0.80 * experiments, "power " + found);
    assertEquals(0, wrongWay, "a +10 point variant never declared the loser");
    assertTrue(median <= 20, "median days " + median);
  }

  @Test
  void theClosedFormLikelihoodRatioEqualsTheMixtureIntegratedNumerically() {
    double s2 = 0.0008;
    double tau2 = 0.0025;
    for (double d : new double[] {0, 0.02, -0.05, 0.1}) {
      // Integral over theta ~ N(0, tau2) of N(d; theta, s2) / N(d; 0, s2), midpoint rule.
      double sum = 0;
      double step = 1e-5;
      for (double t = -0.5; t < 0.5; t += step) {
        double theta = t + step / 2;
        double ratio = Math.exp((-(d - theta) * (d - theta) + d * d) / (2 * s2));
        double prior = Math.exp(-theta * theta / (2 * tau2)) / Math.sqrt(2 * Math.PI * tau2);
        sum += ratio * prior * step;
      }
      assertEquals(Math.log(sum), SequentialTest.logLikelihoodRatio(d, s2, tau2), 1e-6, "d = " + d);
    }
  }

  @Test
  void theRangeLeavesZeroOutExactlyWhenThePValueIsAtMostAlpha() {
    SplittableRandom rng = new SplittableRandom(3L);
    for (int i = 0; i < 2_000; i++) {
      long nA = 30 + rng.nextInt(2_000);
      long nB = 30 + rng.nextInt(2_000);
      Comparison c =
          test.evaluate(
                  List.of(
                      new Arm("A", nA, rng.nextLong(nA + 1)),
                      new Arm("B", nB, rng.nextLong(nB + 1))))
              .comparisons()
              .get(0);
      boolean excludesZero = c.low() > 0 || c.high() < 0;
      assertEquals(c.pValue() <= 0.05, excludesZero, c.toString());
      assertTrue(c.low() <= c.difference() && c.difference() <= c.high(), c.toString());
    }
  }

  @Test
  void aVerdictOnceReachedStaysAndTheRangeOnlyNarrowsOverTheLooks() {
    // Day 3 is decisive; by day 4 the gap has shrunk so that day 4 alone would not decide.
    List<List<Arm>> looks =
        List.of(
            List.of(new Arm("A", 40, 12), new Arm("B", 40, 14)),
            List.of(new Arm("A", 300, 75), new Arm("B", 300, 135)),
            List.of(new Arm("A", 600, 150), new Arm("B", 600, 230)),
            List.of(new Arm("A", 700, 200), new Arm("B", 700, 240)));
    Comparison alone = test.evaluate(looks.get(3)).comparisons().get(0);
    assertEquals(Verdict.KEEP_RUNNING, alone.verdict(), alone.toString());
    Comparison over = test.evaluateOverTime(looks).comparisons().get(0);
    assertEquals(Verdict.WINNER, over.verdict(), over.toString());
    assertEquals(1, over.decidedAtLook());
    assertTrue(over.pValue() <= 0.05);
    assertTrue(over.low() >= alone.low() && over.high() <= alone.high());
    assertTrue(over.low() > 0, over.toString());
    assertEquals(4, test.evaluateOverTime(looks).looks());
  }

  @Test
  void theManagersSentenceCarriesTheRatesTheDifferenceAndTheRange() {
    Report r = test.evaluate(List.of(new Arm("A", 1000, 250), new Arm("B", 1000, 340)));
    Comparison c = r.comparisons().get(0);
    assertEquals(Verdict.WINNER, c.verdict());
    assertEquals(
        "B gets more advances than A: 34 % vs 25 %, difference 9 points (always-valid 95 % range"
            + " 3 to 15); safe to roll out B.",
        r.summary());
    assertEquals(Optional.of("B"), r.rollOut());

    Report lost = test.evaluate(List.of(new Arm("A", 1000, 300), new Arm("B", 1000, 200)));
    assertEquals(Verdict.LOSER, lost.comparisons().get(0).verdict());
    assertTrue(
        lost.summary().startsWith("B gets fewer advances than A: 20 % vs 30 %"), lost.summary());
    assertTrue(lost.summary().endsWith("; keep A, stop B."), lost.summary());
    assertEquals(Optional.of("A"), lost.rollOut());

    Report open = test.evaluate(List.of(new Arm("A", 100, 30), new Arm("B", 100, 33)));
    assertEquals(Verdict.KEEP_RUNNING, open.comparisons().get(0).verdict());
    assertTrue(
        open.summary()
            .startsWith(
                "No clear difference yet between B and A: 33 % vs 30 %, difference 3 points"),
        open.summary());
    assertTrue(open.summary().endsWith("; keep running."), open.summary());
    assertEquals(Optional.empty(), open.rollOut());
  }

  @Test
  void withThreeVariantsEachIsTestedAgainstTheControlAtHalfTheAlpha() {
    Report r =
        test.evaluate(
            List.of(new Arm("A", 1000, 250), new Arm("B", 1000, 340), new Arm("C", 1000, 380)));
    assertEquals(2, r.comparisons().size());
    for (Comparison c : r.comparisons()) {
      assertEquals(0.025, c.alpha(), 1e-12);
      assertEquals(Verdict.WINNER, c.verdict());
      assertTrue(c.sentence().contains("always-valid 97.5 % range"), c.sentence());
    }
    assertEquals(Optional.of("C"), r.rollOut());
    assertTrue(
        r.summary().startsWith("Each variant is compared with A, the error rate split 2 ways."));
    // The split makes each comparison stricter: a difference that one variant alone would show
    // is not enough when there are four of them.
    List<Arm> two = List.of(new Arm("A", 400, 100), new Arm("B", 400, 144));
    List<Arm> five =
        List.of(
            new Arm("A", 400, 100),
            new Arm("B", 400, 144),
            new Arm("C", 400, 100),
            new Arm("D", 400, 100),
            new Arm("E", 400, 100));
    Comparison alone = test.evaluate(two).comparisons().get(0);
    Comparison among = test.evaluate(five).comparisons().get(0);
    assertEquals(alone.pValue(), among.pValue(), 1e-12);
    assertTrue(alone.pValue() <= 0.05 && alone.pValue() > 0.0125, alone.toString());
    assertEquals(Verdict.WINNER, alone.verdict());
    assertEquals(Verdict.KEEP_RUNNING, among.verdict());
  }

  @Test
  void zeroAdvancesInBothArmsGivesNoVerdictAndFiniteFigures() {
    Comparison c =
        test.evaluate(List.of(new Arm("A", 200, 0), new Arm("B", 200, 0))).comparisons().get(0);
    assertEquals(Verdict.KEEP_RUNNING, c.verdict());
    assertEquals(1.0, c.pValue());
    assertTrue(Double.isFinite(c.low()) && c.low() < 0 && c.high() > 0, c.toString());
    assertEquals(0.0, c.variant().rate());
    assertEquals(0.0, c.variant().low());
  }

  @Test
  void allAdvancesAgainstNoneIsAWinnerAndAllInBothIsNot() {
    Comparison win =
        test.evaluate(List.of(new Arm("A", 40, 0), new Arm("B", 40, 40))).comparisons().get(0);
    assertEquals(Verdict.WINNER, win.verdict(), win.toString());
    assertTrue(win.high() <= 1 && win.low() > 0, win.toString());
    assertEquals(1.0, win.variant().high());
    Comparison same =
        test.evaluate(List.of(new Arm("A", 300, 300), new Arm("B", 300, 300))).comparisons().get(0);
    assertEquals(Verdict.KEEP_RUNNING, same.verdict());
  }

  @Test
  void anEmptyOrSmallArmIsNotEnoughDataAndTheSentenceSaysTheMinimum() {
    Report r = test.evaluate(List.of(new Arm("A", 120, 40), new Arm("B", 0, 0)));
    Comparison c = r.comparisons().get(0);
    assertEquals(Verdict.NOT_ENOUGH_DATA, c.verdict());
    assertEquals(1.0, c.pValue());
    assertEquals(0.0, c.variant().low());
    assertEquals(1.0, c.variant().high());
    assertEquals(
        "Not enough calls yet: B has 0 and A has 120; each needs at least 30 before the test says"
            + " anything; keep running.",
        c.sentence());
    assertEquals(
        Verdict.NOT_ENOUGH_DATA,
        test.evaluate(List.of(new Arm("A", 29, 0), new Arm("B", 29, 29)))
            .comparisons()
            .get(0)
            .verdict());
    assertEquals(Optional.empty(), r.rollOut());
  }

  @Test
  void theWilsonIntervalMatchesPublishedValues() {
    Rate none = Rate.of(new Arm("A", 10, 0));
    assertEquals(0.0, none.low(), 1e-9);
    assertEquals(0.2775, none.high(), 1e-4);
    Rate half = Rate.of(new Arm("A", 10, 5));
    assertEquals(0.2366, half.low(), 1e-4);
    assertEquals(0.7634, half.high(), 1e-4);
    Rate all = Rate.of(new Arm("A", 10, 10));
    assertEquals(0.7225, all.low(), 1e-4);
    assertEquals(1.0, all.high(), 1e-9);
  }

  @Test
  void badCountsAndBadLooksAreRefusedWithTheReason() {
    assertMessage("need 0 <= advances <= calls", () -> new Arm("A", 10, 11));
    assertMessage("need 0 <= advances <= calls", () -> new Arm("A", -1, 0));
    assertMessage(
        "control and at least one variant", () -> test.evaluate(List.of(new Arm("A", 1, 0))));
    assertMessage(
        "counts went down",
        () ->
            test.evaluateOverTime(
                List.of(
                    List.of(new Arm("A", 50, 10), new Arm("B", 50, 10)),
                    List.of(new Arm("A", 40, 10), new Arm("B", 60, 10)))));
    assertMessage(
        "keep the same order",
        () ->
            test.evaluateOverTime(
                List.of(
                    List.of(new Arm("A", 50, 10), new Arm("B", 50, 10)),
                    List.of(new Arm("B", 60, 10), new Arm("A", 60, 10)))));
    assertMessage("alpha is 0.0", () -> new SequentialTest(0, 0.0025, 30));
    assertMessage("tau2 is -1.0", () -> new SequentialTest(0.05, -1, 30));
    assertFalse(Arrays.asList(Verdict.values()).isEmpty());
  }

  private static void assertMessage(String part, Runnable r) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
