package org.callobjectives.server.config;

import java.time.LocalDate;

/** A time window (start and end dates, both included, server time zone) with its own objective. */
public record Campaign(String id, LocalDate start, LocalDate end, Target target) {
  public boolean activeOn(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }
}
