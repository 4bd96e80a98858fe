package org.callobjectives.server.goals;

import java.time.LocalDate;

/** A goal's period: the current shift, day, week or month, or a fixed date range (inclusive). */
public record PeriodSpec(Kind kind, LocalDate from, LocalDate to) {
  /** Rolling periods follow the clock; RANGE is fixed. */
  public enum Kind {
    SHIFT,
    DAY,
    WEEK,
    MONTH,
    RANGE
  }

  public static PeriodSpec of(Kind k) {
    return new PeriodSpec(k, null, null);
  }

  public String label() {
    return kind == Kind.RANGE ? from + " to " + to : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
