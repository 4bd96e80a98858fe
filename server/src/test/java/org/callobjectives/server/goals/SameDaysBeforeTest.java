package org.callobjectives.server.goals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review compares like with like: the same weekdays, up to the same time of day. */
class SameDaysBeforeTest {
  final ShiftCalendar calendar =
      new ShiftCalendar(ZoneId.of("Europe/London"), DayOfWeek.MONDAY, List.of());

  @Test
  void mondayToTuesdayIsComparedWithLastMondayToTuesdayNotTheWeekendBefore() {
    Window w = calendar.dates("review", LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1));
    Window before =
        calendar.sameDaysBefore(w, Instant.parse("2026-12-05T12:00:00Z").toEpochMilli());
    assertEquals(LocalDate.of(2026, 11, 23), before.from());
    assertEquals(LocalDate.of(2026, 11, 24), before.to());
    assertEquals(calendar.dates("x", before.from(), before.to()).toMillis(), before.toMillis());
  }

  @Test
  void tenDaysGoBackTwoWholeWeeks() {
    Window w = calendar.dates("review", LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 2));
    Window before =
        calendar.sameDaysBefore(w, Instant.parse("2026-12-20T12:00:00Z").toEpochMilli());
    assertEquals(LocalDate.of(2026, 11, 9), before.from());
    assertEquals(DayOfWeek.MONDAY, before.from().getDayOfWeek());
  }

  @Test
  void aWeekStillRunningIsComparedUpToTheSameTimeLastWeek() {
    Window w = calendar.dates("review", LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6));
    long now = Instant.parse("2026-12-02T14:30:00Z").toEpochMilli(); // Wednesday 14:30 in London
    Window before = calendar.sameDaysBefore(w, now);
    assertEquals(LocalDate.of(2026, 11, 23), before.from());
    assertEquals(Instant.parse("2026-11-25T14:30:00Z").toEpochMilli(), before.toMillis());
  }
}
