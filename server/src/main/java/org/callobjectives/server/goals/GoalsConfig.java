package org.callobjectives.server.goals;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;

/**
 * goals.yaml, validated: the shift calendar, the per-agent upsell target per shift, the goals, when
 * a call or a wrap-up has gone on long enough for the supervisor's attention, and when an unticked
 * required compliance item flags a call and reminds its agent (0 seconds: never; at most 2 a call),
 * after how many days without an advance the funnel lists a customer as stalled, and how many past
 * periods targets realism compares each target with.
 */
public record GoalsConfig(
    ShiftCalendar calendar,
    int upsellOpportunitiesPerShift,
    List<Goal> goals,
    int longCallSeconds,
    int longWrapUpSeconds,
    int complianceReminderSeconds,
    int complianceRemindersPerCall,
    int stalledDays,
    int realismPeriods) {
  public static final int DEFAULT_UPSELL_PER_SHIFT = 2;

  /** The funnel lists a customer for follow-up after this many days without an advance. */
  public static final int DEFAULT_STALLED_DAYS = 14;

  /** Targets realism compares a target with this many past periods of its metric. */
  public static final int DEFAULT_REALISM_PERIODS = 8;

  public static final int DEFAULT_LONG_CALL_SECONDS = 900;
  public static final int DEFAULT_LONG_WRAP_UP_SECONDS = 90;
  public static final int DEFAULT_COMPLIANCE_REMINDER_SECONDS = 60;
  public static final int DEFAULT_COMPLIANCE_REMINDERS_PER_CALL = 1;

  public GoalsConfig {
    goals = List.copyOf(goals);
  }

  public GoalsConfig(
      ShiftCalendar calendar,
      int upsellOpportunitiesPerShift,
      List<Goal> goals,
      int longCallSeconds,
      int longWrapUpSeconds,
      int complianceReminderSeconds,
      int complianceRemindersPerCall) {
    this(
        calendar,
        upsellOpportunitiesPerShift,
        goals,
        longCallSeconds,
        longWrapUpSeconds,
        complianceReminderSeconds,
        complianceRemindersPerCall,
        DEFAULT_STALLED_DAYS,
        DEFAULT_REALISM_PERIODS);
  }

  public GoalsConfig(ShiftCalendar calendar, int upsellOpportunitiesPerShift, List<Goal> goals) {
    this(
        calendar,
        upsellOpportunitiesPerShift,
        goals,
        DEFAULT_LONG_CALL_SECONDS,
        DEFAULT_LONG_WRAP_UP_SECONDS,
        DEFAULT_COMPLIANCE_REMINDER_SECONDS,
        DEFAULT_COMPLIANCE_REMINDERS_PER_CALL);
  }

  /** No goals.yaml: shifts 08:00-16:00 and 16:00-24:00 in the server's zone, weeks from Monday. */
  public static GoalsConfig defaults() {
    return new GoalsConfig(
        new ShiftCalendar(
            ZoneId.systemDefault(),
            DayOfWeek.MONDAY,
            List.of(new Shift("early", 8 * 60, 16 * 60), new Shift("late", 16 * 60, 24 * 60))),
        DEFAULT_UPSELL_PER_SHIFT,
        List.of(upsellGoal(DEFAULT_UPSELL_PER_SHIFT)));
  }

  /** The built-in per-agent goal behind the opportunities-vs-target column. */
  static Goal upsellGoal(int perShift) {
    return new Goal(
        "upsell-opportunities-per-shift",
        "Spot " + perShift + " upsell opportunities this shift",
        Metric.OPPORTUNITIES,
        (double) perShift,
        null,
        PeriodSpec.of(PeriodSpec.Kind.SHIFT),
        Goal.Scope.EACH_AGENT,
        null);
  }
}
