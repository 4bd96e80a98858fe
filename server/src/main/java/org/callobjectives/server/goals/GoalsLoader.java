package org.callobjectives.server.goals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.ConfigException;
import org.callobjectives.server.config.YamlSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and checks goals.yaml against the loaded config; errors name the file and line. */
public final class GoalsLoader {
  private static final Logger log = LoggerFactory.getLogger(GoalsLoader.class);
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  record GoalsYaml(
      String timeZone,
      String weekStart,
      List<ShiftYaml> shifts,
      Integer upsellOpportunitiesPerShift,
      List<GoalYaml> goals,
      Integer longCallSeconds,
      Integer longWrapUpSeconds,
      Integer complianceReminderSeconds,
      Integer complianceRemindersPerCall,
      FunnelYaml funnel,
      RealismYaml targetsRealism) {}

  record FunnelYaml(Integer stalledDays) {}

  record RealismYaml(Integer periods) {}

  record ShiftYaml(String name, String start, String end) {}

  record GoalYaml(
      String id,
      String title,
      String metric,
      Double target,
      Double change,
      Object period,
      String queue,
      String team,
      String agent,
      Boolean eachAgent) {}

  private GoalsLoader() {}

  /** {@code dir/goals.yaml}, or the defaults when the file does not exist. */
  public static GoalsConfig load(Path dir, Config config) throws ConfigException {
    Path file = dir.resolve("goals.yaml");
    if (!Files.exists(file)) {
      log.info(
          "{} not found: shifts 08:00-16:00 and 16:00-24:00, {} upsell opportunities per agent and shift",
          file,
          GoalsConfig.DEFAULT_UPSELL_PER_SHIFT);
      return GoalsConfig.defaults();
    }
    return parse(YamlSource.read(file), config);
  }

  static GoalsConfig parse(YamlSource src, Config config) throws ConfigException {
    GoalsYaml y = src.bind(GoalsYaml.class);
    ZoneId zone = ZoneId.systemDefault();
    if (y.timeZone() != null) {
      try {
        zone = ZoneId.of(y.timeZone().trim());
      } catch (DateTimeException e) {
        throw src.error(
            "/timeZone", "unknown time zone '" + y.timeZone() + "'; use e.g. Europe/Berlin or UTC");
      }
    }
    DayOfWeek weekStart = DayOfWeek.MONDAY;
    if (y.weekStart() != null) {
      try {
        weekStart = DayOfWeek.valueOf(y.weekStart().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw src.error("/weekStart", "weekStart must be a day name such as monday or sunday");
      }
    }
    List<Shift> shifts = shifts(src, y.shifts());
    int upsell =
        y.upsellOpportunitiesPerShift() == null
            ? GoalsConfig.DEFAULT_UPSELL_PER_SHIFT
            : y.upsellOpportunitiesPerShift();
    if (upsell < 0 || upsell > 1000) {
      throw src.error(
          "/upsellOpportunitiesPerShift", "upsellOpportunitiesPerShift must be 0..1000");
    }
    Set<String> teams = new HashSet<>();
    for (Agent a : config.agents()) {
      if (a.group() != null) {
        teams.add(a.group());
      }
    }
    List<Goal> goals = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<GoalYaml> gy = y.goals() == null ? List.of() : y.goals();
    for (int i = 0; i < gy.size(); i++) {
      String at = "/goals/" + i;
      GoalYaml g = gy.get(i);
      if (g == null) {
        throw src.error(at, "empty goal entry");
      }
      if (g.id() == null || !ID.matcher(g.id()).matches()) {
        throw src.error(
            at + "/id",
            "each goal needs an id of lower-case letters, digits and dashes (e.g. sales-week)");
      }
      if (!ids.add(g.id())) {
        throw src.error(at + "/id", "duplicate goal id '" + g.id() + "'");
      }
      if (g.metric() == null) {
        throw src.error(at, "goal " + g.id() + " needs a metric: " + Metric.known());
      }
      Metric metric;
      try {
        metric = Metric.parse(g.metric());
      } catch (IllegalArgumentException e) {
        throw src.error(
            at + "/metric", "unknown metric '" + g.metric() + "'; metrics are " + Metric.known());
      }
      if ((g.target() == null) == (g.change() == null)) {
        throw src.error(
            at,
            "goal "
                + g.id()
                + " needs exactly one of target (a number) or change (percent"
                + " more than the previous period)");
      }
      if (g.target() != null && (g.target() <= 0 || !metric.isCount() && g.target() > 100)) {
        throw src.error(
            at + "/target",
            metric.isCount()
                ? "target must be > 0"
                : metric.wire() + " is a percentage: target must be 0 < target <= 100");
      }
      if (g.change() != null && (!metric.isCount() || g.change() <= -100)) {
        throw src.error(
            at + "/change",
            "change (percent over the previous period) works for counts ("
                + "calls, opportunities, advances, sales, conversions) and must be above -100");
      }
      PeriodSpec period = period(src, at + "/period", g.period());
      int scopes =
          (g.queue() != null ? 1 : 0)
              + (g.team() != null ? 1 : 0)
              + (g.agent() != null ? 1 : 0)
              + (Boolean.TRUE.equals(g.eachAgent()) ? 1 : 0);
      if (scopes > 1) {
        throw src.error(
            at, "goal " + g.id() + ": give at most one of queue, team, agent, eachAgent");
      }
      Goal.Scope scope = Goal.Scope.CENTRE;
      String value = null;
      if (g.queue() != null) {
        if (config.queue(g.queue()).isEmpty()) {
          throw src.error(
              at + "/queue",
              "unknown queue '" + g.queue() + "'; known: " + config.queues().keySet());
        }
        scope = Goal.Scope.QUEUE;
        value = g.queue();
      } else if (g.team() != null) {
        if (!teams.contains(g.team())) {
          throw src.error(
              at + "/team",
              "no agent is in team '" + g.team() + "'; teams (agent groups): " + teams);
        }
        scope = Goal.Scope.TEAM;
        value = g.team();
      } else if (g.agent() != null) {
        if (config.agent(g.agent()).isEmpty()) {
          throw src.error(
              at + "/agent", "unknown agent '" + g.agent() + "' (use the id from agents.yaml)");
        }
        scope = Goal.Scope.AGENT;
        value = g.agent();
      } else if (Boolean.TRUE.equals(g.eachAgent())) {
        scope = Goal.Scope.EACH_AGENT;
      }
      String title =
          g.title() != null && !g.title().isBlank()
              ? g.title().trim()
              : defaultTitle(metric, g, period);
      goals.add(new Goal(g.id(), title, metric, g.target(), g.change(), period, scope, value));
    }
    if (!ids.contains(GoalsConfig.upsellGoal(upsell).id()) && upsell > 0) {
      goals.add(GoalsConfig.upsellGoal(upsell));
    }
    int longCall =
        seconds(src, "longCallSeconds", y.longCallSeconds(), GoalsConfig.DEFAULT_LONG_CALL_SECONDS);
    int longWrapUp =
        seconds(
            src,
            "longWrapUpSeconds",
            y.longWrapUpSeconds(),
            GoalsConfig.DEFAULT_LONG_WRAP_UP_SECONDS);
    int reminder =
        y.complianceReminderSeconds() == null
            ? GoalsConfig.DEFAULT_COMPLIANCE_REMINDER_SECONDS
            : y.complianceReminderSeconds();
    if (reminder != 0 && (reminder < 10 || reminder > 3600)) {
      throw src.error(
          "/complianceReminderSeconds",
          "complianceReminderSeconds must be 10..3600 (or 0: no reminders), not " + reminder);
    }
    int perCall =
        y.complianceRemindersPerCall() == null
            ? GoalsConfig.DEFAULT_COMPLIANCE_REMINDERS_PER_CALL
            : y.complianceRemindersPerCall();
    if (perCall < 0 || perCall > 2) {
      throw src.error(
          "/complianceRemindersPerCall",
          "complianceRemindersPerCall must be 0..2 (a reminder is gentle), not " + perCall);
    }
    int stalledDays =
        y.funnel() == null || y.funnel().stalledDays() == null
            ? GoalsConfig.DEFAULT_STALLED_DAYS
            : y.funnel().stalledDays();
    if (stalledDays < 1 || stalledDays > 365) {
      throw src.error(
          "/funnel/stalledDays",
          "funnel.stalledDays (days without an advance before a customer is listed for follow-up)"
              + " must be 1..365, not "
              + stalledDays);
    }
    int periods =
        y.targetsRealism() == null || y.targetsRealism().periods() == null
            ? GoalsConfig.DEFAULT_REALISM_PERIODS
            : y.targetsRealism().periods();
    if (periods < MIN_REALISM_PERIODS || periods > 104) {
      throw src.error(
          "/targetsRealism/periods",
          "targetsRealism.periods (past periods each target is compared with) must be "
              + MIN_REALISM_PERIODS
              + "..104, not "
              + periods);
    }
    return new GoalsConfig(
        new ShiftCalendar(zone, weekStart, shifts),
        upsell,
        goals,
        longCall,
        longWrapUp,
        reminder,
        perCall,
        stalledDays,
        periods);
  }

  /** Fewer periods than this say nothing about a 10th or 90th percentile. */
  public static final int MIN_REALISM_PERIODS = 4;

  private static int seconds(YamlSource src, String field, Integer value, int dflt)
      throws ConfigException {
    int v = value == null ? dflt : value;
    if (v < 10 || v > 86_400) {
      throw src.error("/" + field, field + " must be 10..86400 seconds, not " + v);
    }
    return v;
  }

  private static List<Shift> shifts(YamlSource src, List<ShiftYaml> ys) throws ConfigException {
    if (ys == null || ys.isEmpty()) {
      return GoalsConfig.defaults().calendar().shifts();
    }
    List<Shift> out = new ArrayList<>();
    boolean[] taken = new boolean[1440];
    for (int i = 0; i < ys.size(); i++) {
      String at = "/shifts/" + i;
      ShiftYaml s = ys.get(i);
      if (s == null || s.name() == null || s.name().isBlank()) {
        throw src.error(
            at,
            "each shift needs a name, start and end, e.g. {name: early, start: \"08:00\", end: \"16:00\"}");
      }
      if (s.name().equals(Slot.OFF_SHIFT)
          || out.stream().anyMatch(o -> o.name().equals(s.name()))) {
        throw src.error(at + "/name", "shift name '" + s.name() + "' is taken");
      }
      int start = minutes(src, at + "/start", s.start(), false);
      int end = minutes(src, at + "/end", s.end(), true);
      if (start == end % 1440) {
        throw src.error(at + "/end", "shift " + s.name() + " starts and ends at the same time");
      }
      Shift shift = new Shift(s.name().trim(), start, end);
      for (int m = 0; m < shift.lengthMinutes(); m++) {
        int minute = (start + m) % 1440;
        if (taken[minute]) {
          throw src.error(at, "shift " + s.name() + " overlaps an earlier shift");
        }
        taken[minute] = true;
      }
      out.add(shift);
    }
    return out;
  }

  private static int minutes(YamlSource src, String at, String value, boolean allow24)
      throws ConfigException {
    Matcher m = value == null ? null : TIME.matcher(value.trim());
    if (m == null || !m.matches()) {
      throw src.error(at, "time must be HH:MM in quotes, e.g. \"08:00\", was " + value);
    }
    int h = Integer.parseInt(m.group(1));
    int min = Integer.parseInt(m.group(2));
    if (h == 24 && min == 0 && allow24) {
      return 1440;
    }
    if (h > 23 || min > 59) {
      throw src.error(
          at,
          "time "
              + value
              + " is not a time of day (00:00..23:59"
              + (allow24 ? ", or 24:00" : "")
              + ")");
    }
    return h * 60 + min;
  }

  private static PeriodSpec period(YamlSource src, String at, Object p) throws ConfigException {
    if (p instanceof String s) {
      try {
        PeriodSpec.Kind k = PeriodSpec.Kind.valueOf(s.trim().toUpperCase(Locale.ROOT));
        if (k != PeriodSpec.Kind.RANGE) {
          return PeriodSpec.of(k);
        }
      } catch (IllegalArgumentException e) {
        // fall through to the message below
      }
    } else if (p instanceof Map<?, ?> m && m.keySet().equals(Set.of("from", "to"))) {
      try {
        LocalDate from = LocalDate.parse(String.valueOf(m.get("from")).trim());
        LocalDate to = LocalDate.parse(String.valueOf(m.get("to")).trim());
        if (to.isBefore(from)) {
          throw src.error(at, "period ends (" + to + ") before it starts (" + from + ")");
        }
        if (from.plusYears(1).isBefore(to)) {
          throw src.error(at, "a date range may span at most one year");
        }
        return new PeriodSpec(PeriodSpec.Kind.RANGE, from, to);
      } catch (DateTimeException e) {
        throw src.error(at, "dates must be YYYY-MM-DD: " + e.getMessage());
      }
    }
    throw src.error(
        at,
        "period must be shift, day, week, month or {from: YYYY-MM-DD, to: YYYY-MM-DD}, was " + p);
  }

  private static String defaultTitle(Metric metric, GoalYaml g, PeriodSpec period) {
    String who =
        g.queue() != null
            ? "queue " + g.queue()
            : g.team() != null
                ? "team " + g.team()
                : g.agent() != null
                    ? "agent " + g.agent()
                    : Boolean.TRUE.equals(g.eachAgent()) ? "each agent" : "centre";
    String what =
        g.change() != null
            ? String.format(Locale.ROOT, "%+.0f %% %s", g.change(), metric.wire())
            : metric.isCount()
                ? String.format(Locale.ROOT, "%.0f %s", g.target(), metric.wire())
                : String.format(Locale.ROOT, "%s >= %.0f %%", metric.wire(), g.target());
    return who
        + ": "
        + what
        + (period.kind() == PeriodSpec.Kind.RANGE ? " from " : " per ")
        + period.label();
  }
}
