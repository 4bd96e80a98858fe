package org.callobjectives.server.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.callobjectives.server.store.StatsStore;
import org.callobjectives.server.store.StatsTotals;

/**
 * A day hour by hour against the same weekday a week before, summed by the database: calls handled,
 * advance rate and compliance with the calls each rests on (calls count in the hour they started,
 * as everywhere else).
 */
public record Hourly(String date, String compareDate, String zone, List<Hour> hours) {

  /** One hour of the day and the same hour a week before. */
  public record Hour(int hour, Slice today, Slice weekBefore) {}

  /** The figures of one hour. */
  public record Slice(
      long handled,
      long dispositioned,
      Double advanceRate,
      long complianceCalls,
      Double compliance) {}

  /** Reads the 24 hours of {@code date} and of the same weekday a week earlier. */
  public static CompletableFuture<Hourly> of(StatsStore store, LocalDate date, ZoneId zone) {
    LocalDate before = date.minusWeeks(1);
    List<CompletableFuture<Slice>> today = new ArrayList<>();
    List<CompletableFuture<Slice>> earlier = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      today.add(slice(store, date, h, zone));
      earlier.add(slice(store, before, h, zone));
    }
    List<CompletableFuture<Slice>> all = new ArrayList<>(today);
    all.addAll(earlier);
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(
            x -> {
              List<Hour> hours = new ArrayList<>();
              for (int h = 0; h < 24; h++) {
                hours.add(new Hour(h, today.get(h).join(), earlier.get(h).join()));
              }
              return new Hourly(date.toString(), before.toString(), zone.getId(), hours);
            });
  }

  private static CompletableFuture<Slice> slice(
      StatsStore store, LocalDate day, int hour, ZoneId zone) {
    // Local hours: a day with a clock change has one hour twice or not at all, as the clock says.
    long from = day.atTime(hour, 0).atZone(zone).toInstant().toEpochMilli();
    long to =
        (hour == 23 ? day.plusDays(1).atStartOfDay() : day.atTime(hour + 1, 0))
            .atZone(zone)
            .toInstant()
            .toEpochMilli();
    return store
        .totals(from, Math.max(from, to))
        .thenApply(
            rows -> {
              Figures f = new Figures();
              for (StatsTotals t : rows) {
                f.add(t);
              }
              return new Slice(
                  f.handled, f.dispositioned, f.advanceRate(), f.complianceCalls, f.compliance());
            });
  }
}
