package org.callobjectives.server.goals;

import java.time.LocalDate;

/**
 * A stretch of time figures are summed over: one shift slot, or whole dates from..to (inclusive).
 * {@code fromMillis}/{@code toMillis} bound the calls' start times (half-open).
 */
public record Window(
    String name, LocalDate from, LocalDate to, Slot shift, long fromMillis, long toMillis) {
  public boolean contains(Slot s) {
    if (shift != null) {
      return shift.equals(s);
    }
    return !s.date().isBefore(from) && !s.date().isAfter(to);
  }

  /** A key that changes when the window moves on (next shift, next week): wins are once per key. */
  public String key() {
    return shift != null ? shift.date() + "/" + shift.shift() : from + ".." + to;
  }
}
