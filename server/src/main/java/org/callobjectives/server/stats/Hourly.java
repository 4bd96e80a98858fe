package org.callobjectives.server.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.callobjectives.server.store.StatsRow;
import org.callobjectives.server.store.StatsStore;
import org.callobjectives.server.store.Store;

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

  /**
   * Reads the calls of {@code date} and of the same weekday a week earlier (two reads, whatever the
   * hours) and sums them per local hour of their start.
   */
  public static CompletableFuture<Hourly> of(StatsStore store, LocalDate date, ZoneId zone) {
    LocalDate before = date.minusWeeks(1);
    CompletableFuture<Slice[]> today = day(store, date, zone);
    CompletableFuture<Slice[]> earlier = day(store, before, zone);
    return today.thenCombine(
        earlier,
        (t, e) -> {
          List<Hour> hours = new ArrayList<>();
          for (int h = 0; h < 24; h++) {
            hours.add(new Hour(h, t[h], e[h]));
          }
          return new Hourly(date.toString(), before.toString(), zone.getId(), hours);
        });
  }

  private static CompletableFuture<Slice[]> day(StatsStore store, LocalDate day, ZoneId zone) {
    long from = day.atStartOfDay(zone).toInstant().toEpochMilli();
    long to = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    return store
        .rows(from, to)
        .thenApply(
            rows -> {
              long[][] n = new long[24][6];
              for (StatsRow r : rows) {
                int h = java.time.Instant.ofEpochMilli(r.startedAtMillis()).atZone(zone).getHour();
                long[] x = n[h];
                boolean handled =
                    r.agentId() != null
                        && r.connectedAtMillis() != null
                        && !"CONNECTED".equals(r.outcome());
                x[0] += handled ? 1 : 0;
                boolean disposed = r.code() != null && !Store.UNDISPOSED.equals(r.code());
                if (disposed) {
                  x[1]++;
                  x[2] += r.advance() ? 1 : 0;
                  if (r.complianceRequired() > 0) {
                    x[3]++;
                    x[4] += r.complianceRequired();
                    x[5] += r.complianceDone();
                  }
                }
              }
              Slice[] out = new Slice[24];
              for (int h = 0; h < 24; h++) {
                long[] x = n[h];
                out[h] =
                    new Slice(
                        x[0], x[1], Figures.percent(x[2], x[1]), x[3], Figures.percent(x[5], x[4]));
              }
              return out;
            });
  }
}
