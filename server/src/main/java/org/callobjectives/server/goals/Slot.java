package org.callobjectives.server.goals;

import java.time.LocalDate;

/** One shift on one date (the date it started); every call counts in the slot it started in. */
public record Slot(LocalDate date, String shift) {
  public static final String OFF_SHIFT = "off-shift";
}
