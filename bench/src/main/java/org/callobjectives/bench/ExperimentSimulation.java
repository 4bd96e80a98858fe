package org.callobjectives.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.callobjectives.server.experiments.Arm;
import org.callobjectives.server.experiments.Comparison;
import org.callobjectives.server.experiments.SequentialTest;
import org.callobjectives.server.experiments.Verdict;

/**
 * Simulates objective experiments looked at once a day and prints what the sequential test of
 * {@code org.callobjectives.server.experiments} does: the share of A/A experiments (no real
 * difference) ever declared a winner or a loser, and for an A/B with a real difference the power
 * within the horizon and the days to a verdict. {@code --looks-per-day} looks more often (the plain
 * z-test is still looked at once a day). As a contrast, the same runs judged by a plain
 * two-proportion z-test looked at daily (what a dashboard without a sequential test does).
 * Statistical figures, not timings.
 *
 * <p>Usage: {@code java -cp bench/target/bench-all.jar
 * org.callobjectives.bench.ExperimentSimulation [--rate-a 0.30] [--rate-b 0.40] [--calls-per-day
 * 80] [--split 50] [--days 30] [--aa-runs 10000] [--ab-runs 2000] [--seed 1] [--alpha 0.05] [--tau2
 * 0.0025] [--min-calls 30]}
 */
public final class ExperimentSimulation {
  private ExperimentSimulation() {}

  /** One simulated experiment: the day of the first verdict of each test (0 if none) and which. */
  record Outcome(int day, Verdict verdict, int naiveDay, boolean naivePositive) {}

  public static void main(String[] args) {
    double rateA = 0.30;
    double rateB = 0.40;
    int callsPerDay = 80;
    int split = 50;
    int days = 30;
    int aaRuns = 10_000;
    int abRuns = 2_000;
    long seed = 1;
    double alpha = SequentialTest.DEFAULT_ALPHA;
    double tau2 = SequentialTest.DEFAULT_TAU2;
    int minCalls = SequentialTest.DEFAULT_MIN_CALLS;
    int looksPerDay = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rate-a" -> rateA = Double.parseDouble(args[++i]);
        case "--rate-b" -> rateB = Double.parseDouble(args[++i]);
        case "--calls-per-day" -> callsPerDay = Integer.parseInt(args[++i]);
        case "--split" -> split = Integer.parseInt(args[++i]);
        case "--days" -> days = Integer.parseInt(args[++i]);
        case "--aa-runs" -> aaRuns = Integer.parseInt(args[++i]);
        case "--ab-runs" -> abRuns = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--alpha" -> alpha = Double.parseDouble(args[++i]);
        case "--tau2" -> tau2 = Double.parseDouble(args[++i]);
        case "--min-calls" -> minCalls = Integer.parseInt(args[++i]);
        case "--looks-per-day" -> looksPerDay = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    SequentialTest test = new SequentialTest(alpha, tau2, minCalls);
    SplittableRandom rng = new SplittableRandom(seed);
    System.out.printf(
        Locale.ROOT,
        "Calls per day %d, split %d/%d (A/B), %d days, %d looks a day, alpha %.3f, tau2 %.4f, at least %d"
            + " calls per arm, seed %d%n",
        callsPerDay,
        split,
        100 - split,
        days,
        looksPerDay,
        alpha,
        tau2,
        minCalls,
        seed);
    if (aaRuns > 0) {
      List<Outcome> aa =
          run(test, rng, aaRuns, rateA, rateA, callsPerDay, split, days, looksPerDay);
      long winners = aa.stream().filter(o -> o.verdict() == Verdict.WINNER).count();
      long losers = aa.stream().filter(o -> o.verdict() == Verdict.LOSER).count();
      long naive = aa.stream().filter(o -> o.naiveDay() > 0).count();
      long naiveWinners = aa.stream().filter(o -> o.naiveDay() > 0 && o.naivePositive()).count();
      System.out.printf(
          Locale.ROOT,
          "A/A %.0f %% both, %,d experiments: false winner %s, false loser %s, any false verdict"
              + " %s; plain z-test looked at daily: false winner %s, any %s%n",
          100 * rateA,
          aaRuns,
          share(winners, aaRuns),
          share(losers, aaRuns),
          share(winners + losers, aaRuns),
          share(naiveWinners, aaRuns),
          share(naive, aaRuns));
    }
    if (abRuns > 0) {
      List<Outcome> ab =
          run(test, rng, abRuns, rateA, rateB, callsPerDay, split, days, looksPerDay);
      List<Integer> found = new ArrayList<>();
      long wrongWay = 0;
      for (Outcome o : ab) {
        boolean right =
            rateB >= rateA ? o.verdict() == Verdict.WINNER : o.verdict() == Verdict.LOSER;
        if (right) {
          found.add(o.day());
        } else if (o.verdict() == Verdict.WINNER || o.verdict() == Verdict.LOSER) {
          wrongWay++;
        }
      }
      found.sort(null);
      System.out.printf(
          Locale.ROOT,
          "A/B %.0f %% -> %.0f %%, %,d experiments: power within %d days %s, wrong way %s; days to"
              + " verdict p25 %s, median %s, p75 %s, p90 %s%n",
          100 * rateA,
          100 * rateB,
          abRuns,
          days,
          share(found.size(), abRuns),
          share(wrongWay, abRuns),
          quantile(found, 0.25),
          quantile(found, 0.50),
          quantile(found, 0.75),
          quantile(found, 0.90));
    }
  }

  static List<Outcome> run(
      SequentialTest test,
      SplittableRandom rng,
      int runs,
      double rateA,
      double rateB,
      int callsPerDay,
      int split,
      int days,
      int looksPerDay) {
    List<Outcome> out = new ArrayList<>(runs);
    double toA = split / 100.0;
    for (int r = 0; r < runs; r++) {
      long nA = 0;
      long xA = 0;
      long nB = 0;
      long xB = 0;
      int day = 0;
      Verdict verdict = Verdict.KEEP_RUNNING;
      int naiveDay = 0;
      boolean naivePositive = false;
      for (int d = 1; d <= days && (day == 0 || naiveDay == 0); d++) {
        for (int look = 0; look < looksPerDay; look++) {
          int calls = callsPerDay * (look + 1) / looksPerDay - callsPerDay * look / looksPerDay;
          for (int c = 0; c < calls; c++) {
            if (rng.nextDouble() < toA) {
              nA++;
              xA += rng.nextDouble() < rateA ? 1 : 0;
            } else {
              nB++;
              xB += rng.nextDouble() < rateB ? 1 : 0;
            }
          }
          if (day == 0) {
            Comparison c =
                test.evaluate(List.of(new Arm("A", nA, xA), new Arm("B", nB, xB)))
                    .comparisons()
                    .get(0);
            if (c.verdict() == Verdict.WINNER || c.verdict() == Verdict.LOSER) {
              day = d;
              verdict = c.verdict();
            }
          }
        }
        if (naiveDay == 0 && nA >= test.minCallsPerArm() && nB >= test.minCallsPerArm()) {
          double z = pooledZ(nA, xA, nB, xB);
          if (Math.abs(z) > 1.959963984540054) {
            naiveDay = d;
            naivePositive = z > 0;
          }
        }
      }
      out.add(new Outcome(day, verdict, naiveDay, naivePositive));
    }
    return out;
  }

  /** The two-proportion z statistic with the pooled rate (B minus A). */
  static double pooledZ(long nA, long xA, long nB, long xB) {
    double pooled = (double) (xA + xB) / (nA + nB);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / nA + 1.0 / nB));
    return se == 0 ? 0 : ((double) xB / nB - (double) xA / nA) / se;
  }

  private static String share(long count, int of) {
    double p = (double) count / of;
    return String.format(
        Locale.ROOT, "%.2f %% (+-%.2f)", 100 * p, 100 * 1.96 * Math.sqrt(p * (1 - p) / of));
  }

  private static String quantile(List<Integer> sorted, double q) {
    if (sorted.isEmpty()) {
      return "-";
    }
    return Integer.toString(sorted.get((int) Math.min(sorted.size() - 1, q * sorted.size())));
  }
}
