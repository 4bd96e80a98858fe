package org.callobjectives.server.experiments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An always-valid sequential test of the difference in advance rate between each variant and the
 * control: a mixture sequential probability ratio test (mSPRT) with a normal mixing distribution,
 * after Johari, Pekelis and Walsh, "Always valid inference" (Operations Research, 2022).
 *
 * <p><b>The statistic.</b> At a look the difference of the observed rates {@code d = pB - pA} is
 * taken as normal around the true difference {@code theta} with variance {@code s2 = pA(1-pA)/nA +
 * pB(1-pB)/nB} (plug-in; each rate taken as {@code (advances+1)/(calls+2)} there, so that zero or
 * all advances never give a zero variance). Mixing the likelihood ratio of {@code theta} against 0
 * over {@code theta ~ N(0, tau2)} gives, in closed form,
 *
 * <pre>  L = sqrt(s2 / (s2 + tau2)) * exp(d^2 * tau2 / (2 * s2 * (s2 + tau2)))</pre>
 *
 * <p>Under no difference {@code L} is a martingale, so by Ville's inequality the chance that it
 * <i>ever</i> reaches {@code 1/alpha} is at most alpha, however often and whenever anyone looks.
 * The always-valid p-value is {@code min(1, 1/L)}, kept as its running minimum over the looks; the
 * confidence sequence is every {@code theta} whose ratio against the observed difference stays
 * below {@code 1/alpha}, intersected over the looks. The verdict is WINNER or LOSER (by the sign)
 * once the p-value is at most alpha, which is the same as the range leaving 0 out.
 *
 * <p><b>Why this test.</b> People look at the review every day, and a fixed-sample test looked at
 * daily declares false winners far more often than its alpha. The mSPRT keeps the guarantee under
 * continuous monitoring, needs no planned sample size, gives a range managers can read next to the
 * verdict, and is closed-form. A Bayesian posterior with a probability threshold is easier to
 * phrase but carries no error guarantee when looked at repeatedly unless its threshold is
 * calibrated by simulation, which is what this test gives for free. The normal approximation with a
 * plug-in variance is why each arm needs {@value #DEFAULT_MIN_CALLS} calls before any verdict; the
 * A/A simulation in the tests and in {@code BENCHMARKS.md} checks the error rate it keeps.
 *
 * <p><b>Mixing variance.</b> {@code tau2} is the spread of differences the test expects; it is most
 * sensitive to differences near {@code tau}. The default {@value #DEFAULT_TAU2} (tau = 5 points)
 * suits reworded objectives moving an advance rate of 10-50 % by a few points; a larger tau detects
 * big differences a little sooner and small ones later. The guarantee holds for any tau2 fixed
 * before the data are seen.
 *
 * <p><b>More than two variants.</b> Each variant is tested against the control (the first arm) at
 * alpha divided by the number of comparisons (Bonferroni), so the chance of any false verdict in
 * the experiment stays at most alpha.
 */
public final class SequentialTest {
  /** Default overall error rate: at most 5 % chance of any false verdict over the experiment. */
  public static final double DEFAULT_ALPHA = 0.05;

  /** Default mixing variance: tau = 0.05, differences of about 5 points. */
  public static final double DEFAULT_TAU2 = 0.0025;

  /** Default calls each arm needs before the test says anything. */
  public static final int DEFAULT_MIN_CALLS = 30;

  private final double alpha;
  private final double tau2;
  private final int minCalls;

  /** The test with alpha 0.05, tau2 0.0025 and 30 calls per arm at least. */
  public SequentialTest() {
    this(DEFAULT_ALPHA, DEFAULT_TAU2, DEFAULT_MIN_CALLS);
  }

  /** The test with its error rate, mixing variance and minimum calls per arm. */
  public SequentialTest(double alpha, double tau2, int minCallsPerArm) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha is " + alpha + "; it must be between 0 and 1");
    }
    if (!(tau2 > 0) || Double.isInfinite(tau2)) {
      throw new IllegalArgumentException("tau2 is " + tau2 + "; it must be positive");
    }
    if (minCallsPerArm < 1) {
      throw new IllegalArgumentException(
          "minCallsPerArm is " + minCallsPerArm + "; it must be at least 1");
    }
    this.alpha = alpha;
    this.tau2 = tau2;
    this.minCalls = minCallsPerArm;
  }

  /** The overall error rate. */
  public double alpha() {
    return alpha;
  }

  /** The mixing variance. */
  public double tau2() {
    return tau2;
  }

  /** Calls each arm needs before any verdict. */
  public int minCallsPerArm() {
    return minCalls;
  }

  /**
   * The test at one look: cumulative counts per variant, the control first. Valid whenever it is
   * called, but without the history a verdict can come and go; prefer {@link #evaluateOverTime}.
   */
  public Report evaluate(List<Arm> arms) {
    return evaluateOverTime(List.of(arms));
  }

  /**
   * The test over looks (for example one per day): each look holds the cumulative counts per
   * variant, the control first, the same variants in the same order, oldest look first, counts
   * never decreasing. The p-value is the running minimum and the range the running intersection, so
   * a verdict, once reached, stays.
   */
  public Report evaluateOverTime(List<List<Arm>> looks) {
    if (looks == null || looks.isEmpty()) {
      throw new IllegalArgumentException("give at least one look");
    }
    List<Arm> first = looks.get(0);
    if (first == null || first.size() < 2) {
      throw new IllegalArgumentException("a look needs the control and at least one variant");
    }
    int k = first.size() - 1;
    double each = alpha / k;
    double[] p = new double[k];
    double[] low = new double[k];
    double[] high = new double[k];
    int[] decided = new int[k];
    boolean[] seen = new boolean[k];
    boolean[] positive = new boolean[k];
    Arrays.fill(p, 1);
    Arrays.fill(low, -1);
    Arrays.fill(high, 1);
    Arrays.fill(decided, -1);
    List<Arm> previous = null;
    for (int t = 0; t < looks.size(); t++) {
      List<Arm> look = looks.get(t);
      checkLook(first, previous, look, t);
      Arm control = look.get(0);
      for (int i = 0; i < k; i++) {
        Arm variant = look.get(i + 1);
        if (variant.calls() < minCalls || control.calls() < minCalls) {
          continue;
        }
        seen[i] = true;
        double d = rate(variant) - rate(control);
        double s2 = variance(variant) + variance(control);
        double logL = logLikelihoodRatio(d, s2, tau2);
        p[i] = Math.min(p[i], Math.min(1, Math.exp(-logL)));
        double half = halfWidth(s2, tau2, each);
        double lo = Math.max(low[i], d - half);
        double hi = Math.min(high[i], d + half);
        if (lo <= hi) {
          low[i] = lo;
          high[i] = hi;
        } else {
          // The ranges no longer overlap (the rates drifted): show the newest look's range.
          low[i] = Math.max(-1, d - half);
          high[i] = Math.min(1, d + half);
        }
        if (decided[i] < 0 && p[i] <= each) {
          decided[i] = t;
          positive[i] = d > 0;
        }
      }
      previous = look;
    }
    List<Arm> last = looks.get(looks.size() - 1);
    List<Rate> rates = new ArrayList<>(last.size());
    for (Arm arm : last) {
      rates.add(Rate.of(arm));
    }
    List<Comparison> comparisons = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      Rate v = rates.get(i + 1);
      Rate c = rates.get(0);
      Verdict verdict;
      if (!seen[i]) {
        verdict = Verdict.NOT_ENOUGH_DATA;
      } else if (decided[i] < 0) {
        verdict = Verdict.KEEP_RUNNING;
      } else {
        verdict = positive[i] ? Verdict.WINNER : Verdict.LOSER;
      }
      comparisons.add(
          new Comparison(
              v,
              c,
              verdict,
              v.rate() - c.rate(),
              p[i],
              low[i],
              high[i],
              each,
              decided[i],
              minCalls));
    }
    return new Report(rates, comparisons, alpha, looks.size());
  }

  /**
   * The mixture likelihood ratio's logarithm for an observed difference {@code d} with variance
   * {@code s2} and mixing variance {@code tau2}; the p-value is {@code min(1, exp(-log L))}.
   */
  public static double logLikelihoodRatio(double d, double s2, double tau2) {
    return 0.5 * Math.log(s2 / (s2 + tau2)) + d * d * tau2 / (2 * s2 * (s2 + tau2));
  }

  /** Half the width of the always-valid range at error rate {@code alpha} around the difference. */
  public static double halfWidth(double s2, double tau2, double alpha) {
    return Math.sqrt(
        s2 * (s2 + tau2) / tau2 * (2 * Math.log(1 / alpha) + Math.log((s2 + tau2) / s2)));
  }

  /** The plug-in variance of an arm's rate, {@code q(1-q)/n} with {@code q = (x+1)/(n+2)}. */
  static double variance(Arm arm) {
    double q = (arm.advances() + 1.0) / (arm.calls() + 2.0);
    return q * (1 - q) / arm.calls();
  }

  private static double rate(Arm arm) {
    return arm.calls() == 0 ? 0 : (double) arm.advances() / arm.calls();
  }

  private static void checkLook(List<Arm> first, List<Arm> previous, List<Arm> look, int t) {
    if (look == null || look.size() != first.size()) {
      throw new IllegalArgumentException(
          "look " + t + " has not the same " + first.size() + " variants as the first look");
    }
    for (int i = 0; i < look.size(); i++) {
      Arm arm = look.get(i);
      if (!arm.variant().equals(first.get(i).variant())) {
        throw new IllegalArgumentException(
            "look "
                + t
                + " has variant "
                + arm.variant()
                + " where the first look has "
                + first.get(i).variant()
                + ": keep the same order");
      }
      if (previous != null) {
        Arm before = previous.get(i);
        if (arm.calls() < before.calls() || arm.advances() < before.advances()) {
          throw new IllegalArgumentException(
              "look "
                  + t
                  + ": variant "
                  + arm.variant()
                  + "'s counts went down; looks hold cumulative counts, oldest first");
        }
      }
    }
  }
}
