package org.callobjectives.server.experiments;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * One variant against the control: the difference in advance rate, the always-valid p-value and
 * confidence range, and the verdict.
 *
 * @param variant the variant's rate
 * @param control the control's rate
 * @param verdict what the test says
 * @param difference variant's rate minus control's rate (0.09 is 9 points)
 * @param pValue always-valid p-value, not adjusted for the split: compare it with {@code alpha}
 *     (running minimum over the looks; 1 before enough data)
 * @param low always-valid lower end of the difference at level 1 - alpha
 * @param high always-valid upper end of the difference at level 1 - alpha
 * @param alpha this comparison's error rate (the test's alpha split over the variants)
 * @param decidedAtLook index of the look at which the verdict was first reached, -1 if none
 * @param minCalls calls each arm needs before the test says anything
 */
public record Comparison(
    Rate variant,
    Rate control,
    Verdict verdict,
    double difference,
    double pValue,
    double low,
    double high,
    double alpha,
    int decidedAtLook,
    int minCalls) {

  /** A plain-English sentence for managers, with the rates, the difference and its range. */
  public String sentence() {
    String b = variant.variant();
    String a = control.variant();
    if (verdict == Verdict.NOT_ENOUGH_DATA) {
      return String.format(
          Locale.ROOT,
          "Not enough calls yet: %s has %d and %s has %d; each needs at least %d before the test"
              + " says anything; keep running.",
          b,
          variant.calls(),
          a,
          control.calls(),
          minCalls);
    }
    String figures =
        String.format(
            Locale.ROOT,
            "%s vs %s, difference %s (always-valid %s range %s to %s)",
            percent(variant.rate()),
            percent(control.rate()),
            points(difference),
            level(),
            signed(low),
            signed(high));
    return switch (verdict) {
      case WINNER ->
          String.format(
              Locale.ROOT,
              "%s gets more advances than %s: %s; safe to roll out %s.",
              b,
              a,
              figures,
              b);
      case LOSER ->
          String.format(
              Locale.ROOT,
              "%s gets fewer advances than %s: %s; keep %s, stop %s.",
              b,
              a,
              figures,
              a,
              b);
      default ->
          String.format(
              Locale.ROOT,
              "No clear difference yet between %s and %s: %s; keep running.",
              b,
              a,
              figures);
    };
  }

  private String level() {
    BigDecimal pct = BigDecimal.valueOf(Math.round((1 - alpha) * 1000) / 10.0).stripTrailingZeros();
    return pct.toPlainString() + " %";
  }

  private static String percent(double rate) {
    return Math.round(rate * 100) + " %";
  }

  private static String points(double diff) {
    long p = Math.round(diff * 100);
    return p + (Math.abs(p) == 1 ? " point" : " points");
  }

  private static String signed(double diff) {
    return Long.toString(Math.round(diff * 100));
  }
}
