package org.callobjectives.server.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.goals.Goal;
import org.callobjectives.server.goals.GoalsConfig;
import org.callobjectives.server.goals.GoalsLoader;
import org.callobjectives.server.goals.Metric;
import org.callobjectives.server.goals.PeriodSpec;
import org.callobjectives.server.goals.ShiftCalendar;
import org.callobjectives.server.goals.Slot;
import org.callobjectives.server.goals.Window;
import org.callobjectives.server.store.StatsRow;
import org.callobjectives.server.store.StatsStore;

/**
 * Targets realism: each target of goals.yaml against what its subject reached in the last N
 * complete periods of the same kind (from the stored calls); a target outside their 10th-90th
 * percentile is warned about with the figures and a range to consider. A warning, never an error.
 */
public final class TargetsRealism {
  /** One goal's verdict: ok, above, below, not_enough_history or not_checked, and why. */
  public record Check(
      String goalId,
      String title,
      String metric,
      String period,
      String scope,
      Double target,
      String status,
      int periods,
      int periodsWithData,
      Double p10,
      Double median,
      Double p90,
      Double min,
      Double max,
      String message) {
    public boolean warns() {
      return status.equals("above") || status.equals("below");
    }
  }

  private final Supplier<Config> config;
  private final GoalsConfig goals;
  private final ShiftCalendar calendar;
  private final StatsStore store;

  public TargetsRealism(Supplier<Config> config, GoalsConfig goals, StatsStore store) {
    this.config = config;
    this.goals = goals;
    this.calendar = goals.calendar();
    this.store = store;
  }

  /**
   * Every goal checked at {@code nowMillis}; each distinct past window is read once, one after the
   * other (the rows of one window in memory at a time), on the store's reader thread.
   */
  public CompletableFuture<List<Check>> check(long nowMillis) {
    int n = goals.realismPeriods();
    Map<String, List<Window>> windowsOf = new LinkedHashMap<>();
    Map<String, Window> distinct = new LinkedHashMap<>();
    for (Goal g : goals.goals()) {
      if (g.target() == null) {
        continue;
      }
      List<Window> past = past(g.period(), nowMillis, n);
      windowsOf.put(g.id(), past);
      past.forEach(w -> distinct.putIfAbsent(key(w), w));
    }
    Map<String, Map<StatsKey, Figures>> sums = new HashMap<>();
    CompletableFuture<Void> read = CompletableFuture.completedFuture(null);
    for (Window w : distinct.values()) {
      read =
          read.thenCompose(
              x ->
                  store
                      .rows(w.fromMillis(), w.toMillis())
                      .thenAccept(rows -> sums.put(key(w), fold(rows))));
    }
    return read.thenApply(
        x -> {
          List<Check> out = new ArrayList<>();
          for (Goal g : goals.goals()) {
            out.add(g.target() == null ? skipped(g) : judge(g, windowsOf.get(g.id()), sums, n));
          }
          return out;
        });
  }

  /** The last {@code n} complete windows of the period before the one running at {@code now}. */
  List<Window> past(PeriodSpec p, long nowMillis, int n) {
    List<Window> out = new ArrayList<>();
    Window w = calendar.window(p, nowMillis);
    // Off-shift time between shifts is not a shift: step over it (bounded, for odd calendars).
    for (int guard = 0; out.size() < n && guard < 4 * n; guard++) {
      w = calendar.previous(w);
      if (w.shift() == null || !Slot.OFF_SHIFT.equals(w.shift().shift())) {
        out.add(w);
      }
    }
    return out;
  }

  private static String key(Window w) {
    return w.fromMillis() + ".." + w.toMillis();
  }

  private Map<StatsKey, Figures> fold(List<StatsRow> rows) {
    Map<StatsKey, Figures> out = new HashMap<>();
    for (StatsRow r : rows) {
      CallFact f = CallFact.fromRow(r, calendar.slotOf(r.startedAtMillis()), null, Set.of(), 0);
      out.computeIfAbsent(f.key(), k -> new Figures()).apply(f, 1);
    }
    return out;
  }

  private Check judge(
      Goal g, List<Window> windows, Map<String, Map<StatsKey, Figures>> sums, int n) {
    Config c = config.get();
    List<Double> values = new ArrayList<>();
    // Periods, not data points: a goal for each agent has one point per agent and period.
    int withData = 0;
    for (Window w : windows) {
      int before = values.size();
      Map<String, Figures> bySubject = new HashMap<>();
      for (var e : sums.getOrDefault(key(w), Map.of()).entrySet()) {
        String subject = subject(g, c, e.getKey());
        if (subject != null) {
          bySubject.computeIfAbsent(subject, k -> new Figures()).add(e.getValue());
        }
      }
      for (Figures f : bySubject.values()) {
        Double v = GoalJudge.value(g.metric(), f);
        // A period without calls says nothing of what the team reaches (a closed day, a new queue).
        if (v != null && !f.isEmpty()) {
          values.add(v);
        }
      }
      withData += values.size() > before ? 1 : 0;
    }
    String unit = g.metric().isCount() ? "" : " %";
    String periods = plural(g.period(), n);
    String what =
        label(g.metric()) + " target " + fmt(g.target()) + unit + " per " + per(g.period());
    int needed = GoalsLoader.MIN_REALISM_PERIODS;
    if (withData < needed) {
      return check(
          g,
          "not_enough_history",
          n,
          withData,
          null,
          null,
          null,
          null,
          null,
          what
              + ": not enough history to judge ("
              + withData
              + " of the last "
              + periods
              + " with calls; needs "
              + needed
              + ")");
    }
    List<Double> v = new ArrayList<>(values);
    v.sort(null);
    double p10 = percentile(v, 0.10);
    double p50 = percentile(v, 0.50);
    double p90 = percentile(v, 0.90);
    double min = v.get(0);
    double max = v.get(v.size() - 1);
    String who = g.scope() == Goal.Scope.EACH_AGENT ? " per agent" : "";
    String range = "10th-90th percentile" + who + " " + fmt(p10) + "-" + fmt(p90) + unit;
    String consider = "consider " + fmt(p50) + "-" + fmt(p90) + unit;
    String status;
    String message;
    double target = g.target();
    if (target > p90) {
      status = "above";
      message =
          what
              + " is above "
              + (target > max ? "anything" : "most of what was")
              + " reached in the last "
              + periods
              + " ("
              + range
              + "); "
              + consider;
    } else if (target < p10) {
      status = "below";
      message =
          what
              + " is below "
              + (target < min ? "anything" : "most of what was")
              + " reached in the last "
              + periods
              + " ("
              + range
              + "): it asks for no effort; "
              + consider;
    } else {
      status = "ok";
      message = what + " is within what was reached in the last " + periods + " (" + range + ")";
    }
    return check(g, status, n, withData, p10, p50, p90, min, max, message);
  }

  /** Which subject of the goal a key's figures belong to; null: none. */
  private static String subject(Goal g, Config c, StatsKey k) {
    return switch (g.scope()) {
      case CENTRE -> "";
      case QUEUE -> g.scopeValue().equals(Labels.queueId(k)) ? "" : null;
      case TEAM -> g.scopeValue().equals(Labels.team(c, k.agentId())) ? "" : null;
      case AGENT -> g.scopeValue().equals(k.agentId()) ? "" : null;
      case EACH_AGENT -> k.agentId();
    };
  }

  private static Check skipped(Goal g) {
    return new Check(
        g.id(),
        g.title(),
        g.metric().wire(),
        g.period().label(),
        scope(g),
        null,
        "not_checked",
        0,
        0,
        null,
        null,
        null,
        null,
        null,
        "a change over the previous period follows the team's own history by itself: not checked");
  }

  private static Check check(
      Goal g,
      String status,
      int n,
      int withData,
      Double p10,
      Double p50,
      Double p90,
      Double min,
      Double max,
      String message) {
    return new Check(
        g.id(),
        g.title(),
        g.metric().wire(),
        g.period().label(),
        scope(g),
        g.target(),
        status,
        n,
        withData,
        round1(p10),
        round1(p50),
        round1(p90),
        round1(min),
        round1(max),
        message);
  }

  private static String scope(Goal g) {
    String s = g.scope().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return g.scopeValue() == null ? s : s + " " + g.scopeValue();
  }

  /** Linear interpolation between closest ranks (the spreadsheet PERCENTILE); {@code v} sorted. */
  static double percentile(List<Double> v, double p) {
    double h = (v.size() - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(v.size() - 1, lo + 1);
    return v.get(lo) + (h - lo) * (v.get(hi) - v.get(lo));
  }

  private static Double round1(Double d) {
    return d == null ? null : Math.round(d * 10) / 10.0;
  }

  static String fmt(double d) {
    double r = Math.round(d * 10) / 10.0;
    return r == Math.rint(r) || Math.abs(r) >= 10
        ? String.valueOf(Math.round(r))
        : String.format(Locale.ROOT, "%.1f", r);
  }

  private static String label(Metric m) {
    return switch (m) {
      case ADVANCE_RATE -> "advance rate";
      case CSAT -> "CSAT";
      case OPPORTUNITIES -> "upsell opportunities";
      case CONVERSIONS -> "upsell conversions";
      default -> m.wire();
    };
  }

  private static String per(PeriodSpec p) {
    return p.kind() == PeriodSpec.Kind.RANGE ? "period " + p.label() : p.label();
  }

  private static String plural(PeriodSpec p, int n) {
    return switch (p.kind()) {
      case RANGE -> n + " periods of the same length";
      default -> n + " " + p.label() + "s";
    };
  }
}
