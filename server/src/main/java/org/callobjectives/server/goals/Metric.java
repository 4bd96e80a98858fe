package org.callobjectives.server.goals;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a goal counts: activity (calls, opportunities) or outcome (advances, sales, conversions,
 * rates).
 */
public enum Metric {
  CALLS(true),
  OPPORTUNITIES(true),
  ADVANCES(true),
  SALES(true),
  CONVERSIONS(true),
  ADVANCE_RATE(false),
  CSAT(false),
  COMPLIANCE(false);

  private final boolean count;

  Metric(boolean count) {
    this.count = count;
  }

  /** Counts grow through a period (pace applies); rates are percentages to stay at or above. */
  public boolean isCount() {
    return count;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Metric parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  public static String known() {
    return Arrays.stream(values()).map(Metric::wire).collect(Collectors.joining(", "));
  }
}
