package org.callobjectives.server.goals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/** Turns instants into shift slots and periods into windows, in the centre's time zone. */
public final class ShiftCalendar {
  private final ZoneId zone;
  private final DayOfWeek weekStart;
  private final List<Shift> shifts;

  public ShiftCalendar(ZoneId zone, DayOfWeek weekStart, List<Shift> shifts) {
    this.zone = zone;
    this.weekStart = weekStart;
    this.shifts = List.copyOf(shifts);
  }

  public ZoneId zone() {
    return zone;
  }

  public DayOfWeek weekStart() {
    return weekStart;
  }

  public List<Shift> shifts() {
    return shifts;
  }

  /**
   * The shift (and its start date) an instant falls in; outside every shift: {@link Slot#OFF_SHIFT}
   * that day.
   */
  public Slot slotOf(long millis) {
    LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), zone);
    int m = t.getHour() * 60 + t.getMinute();
    for (Shift s : shifts) {
      if (s.startsSameDay(m)) {
        return new Slot(t.toLocalDate(), s.name());
      }
      if (s.tailFromYesterday(m)) {
        return new Slot(t.toLocalDate().minusDays(1), s.name());
      }
    }
    return new Slot(t.toLocalDate(), Slot.OFF_SHIFT);
  }

  public LocalDate today(long nowMillis) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(nowMillis), zone);
  }

  /** The window a period means at {@code nowMillis}. */
  public Window window(PeriodSpec p, long nowMillis) {
    LocalDate today = today(nowMillis);
    return switch (p.kind()) {
      case SHIFT -> shiftWindow(slotOf(nowMillis));
      case DAY -> dates("today", today, today);
      case WEEK -> {
        LocalDate from = today.with(TemporalAdjusters.previousOrSame(weekStart));
        yield dates("week", from, from.plusDays(6));
      }
      case MONTH ->
          dates("month", today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth()));
      case RANGE -> dates(p.label(), p.from(), p.to());
    };
  }

  /** The window of the same length right before {@code w} (the previous shift slot for a shift). */
  public Window previous(Window w) {
    if (w.shift() != null) {
      return shiftWindow(slotOf(w.fromMillis() - 1));
    }
    long days = ChronoUnit.DAYS.between(w.from(), w.to()) + 1;
    return dates("previous", w.from().minusDays(days), w.to().minusDays(days));
  }

  /**
   * The same weekdays whole weeks before {@code w} (Monday-Tuesday against last Monday-Tuesday,
   * never the weekend before), and when {@code w} is still running at {@code nowMillis}, only up to
   * the same time of day: like is compared with like.
   */
  public Window sameDaysBefore(Window w, long nowMillis) {
    long days = ChronoUnit.DAYS.between(w.from(), w.to()) + 1;
    long back = 7 * ((days + 6) / 7);
    Window before = dates("previous", w.from().minusDays(back), w.to().minusDays(back));
    if (nowMillis >= w.fromMillis() && nowMillis < w.toMillis()) {
      long sameTime =
          java.time.Instant.ofEpochMilli(nowMillis)
              .atZone(zone)
              .minusDays(back)
              .toInstant()
              .toEpochMilli();
      return new Window(
          before.name(), before.from(), before.to(), null, before.fromMillis(), sameTime);
    }
    return before;
  }

  public Window dates(String name, LocalDate from, LocalDate to) {
    return new Window(name, from, to, null, startOf(from), startOf(to.plusDays(1)));
  }

  public Window shiftWindow(Slot slot) {
    Shift s = shift(slot.shift());
    if (s == null) {
      return new Window(
          "shift",
          slot.date(),
          slot.date(),
          slot,
          startOf(slot.date()),
          startOf(slot.date().plusDays(1)));
    }
    long from =
        slot.date().atStartOfDay(zone).plusMinutes(s.startMinute()).toInstant().toEpochMilli();
    return new Window(
        "shift", slot.date(), slot.date(), slot, from, from + s.lengthMinutes() * 60_000L);
  }

  /**
   * How much of the window's working time (its shifts) has passed at {@code nowMillis}, 0..1: the
   * pace a count goal should have reached by now. Windows without shift time use wall-clock time.
   */
  public double workedFraction(Window w, long nowMillis) {
    long total = 0;
    long elapsed = 0;
    if (w.shift() != null) {
      total = w.toMillis() - w.fromMillis();
      elapsed = clamp(nowMillis - w.fromMillis(), total);
    } else {
      for (LocalDate d = w.from(); !d.isAfter(w.to()); d = d.plusDays(1)) {
        for (Shift s : shifts) {
          long from = d.atStartOfDay(zone).plusMinutes(s.startMinute()).toInstant().toEpochMilli();
          long len = s.lengthMinutes() * 60_000L;
          total += len;
          elapsed += clamp(nowMillis - from, len);
        }
      }
    }
    if (total <= 0) {
      total = w.toMillis() - w.fromMillis();
      elapsed = clamp(nowMillis - w.fromMillis(), total);
    }
    return total <= 0 ? 1 : (double) elapsed / total;
  }

  private Shift shift(String name) {
    for (Shift s : shifts) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  private long startOf(LocalDate d) {
    return d.atStartOfDay(zone).toInstant().toEpochMilli();
  }

  private static long clamp(long v, long max) {
    return Math.max(0, Math.min(max, v));
  }
}
