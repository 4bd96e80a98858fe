package org.callobjectives.server.stats;

import java.util.List;
import java.util.Map;

/**
 * What the supervisor page shows, as pushed over /supervisor/live and answered by /api/stats/live;
 * {@code agentStates} is where each agent stands now (ready, on_call, wrap_up, paused, ...); a call
 * or wrap-up past {@code longCallSeconds} / {@code longWrapUpSeconds} is shown as long.
 */
public record LiveSnapshot(
    long serverTime,
    String zone,
    String date,
    String shift,
    int upsellTargetPerShift,
    Map<String, View> views,
    List<InProgress> inProgress,
    List<RecentCall> recent,
    List<RecentCall> undisposed,
    List<GoalProgress> goals,
    List<Win> wins,
    List<org.callobjectives.protocol.AgentState> agentStates,
    int longCallSeconds,
    int longWrapUpSeconds) {

  /** Figures over one window (the current shift, today, this week). */
  public record View(
      String name,
      String from,
      String to,
      long fromMillis,
      long toMillis,
      Row total,
      List<Row> queues,
      List<Row> agents,
      List<Board> leaderboards,
      List<Funnel> funnels) {}

  /**
   * A queue's chain of advances over the view's period: each stage's calls handled, dispositioned
   * and advances obtained (an advance moves the caller on to the next stage).
   */
  public record Funnel(String queue, List<FunnelStep> steps) {}

  /** One stage of a funnel. */
  public record FunnelStep(
      String stage, String objective, long handled, long dispositioned, long advances) {}

  /**
   * One queue's, agent's or team's figures; rates are percentages, null when there is nothing to
   * divide. Queue rows (and the total) also say who waits now ({@code waiting}, since {@code
   * oldestWaitMillis}) and the service level: {@code answeredInTarget} of {@code offered} calls
   * answered within {@code serviceLevelSeconds} (null on the total, whose queues may differ).
   */
  public record Row(
      String id,
      String name,
      String team,
      long inProgress,
      long waiting,
      Long oldestWaitMillis,
      long offered,
      long answeredInTarget,
      Double serviceLevel,
      Integer serviceLevelSeconds,
      Double abandonRate,
      long handled,
      long abandoned,
      long timedOut,
      Long ahtSeconds,
      long dispositioned,
      long advances,
      Double advanceRate,
      Double compliance,
      long complianceCalls,
      long complianceFullCalls,
      long opportunities,
      Integer opportunitiesTarget,
      long conversions,
      long sales,
      Double csat,
      long csatCount,
      long undisposed,
      List<String> topCodes) {}

  /** Agents ranked by advances, then advance rate, then calls handled. */
  public record Board(String title, List<Row> rows) {}

  /**
   * A connected call right now, with its checklist as the agent ticks it; {@code flagged}: a
   * required compliance item is still unticked past the reminder time.
   */
  public record InProgress(
      String callId,
      String queue,
      String agentId,
      String agentName,
      String callerNumber,
      String callerName,
      String objective,
      long connectedAtMillis,
      int checklistDone,
      int checklistItems,
      List<String> missingCompliance,
      boolean flagged) {}

  /** A call that just ended or was just dispositioned; compliance is "ticked/required". */
  public record RecentCall(
      String callId,
      long atMillis,
      String queue,
      String agentName,
      String callerNumber,
      String callerName,
      String objective,
      String outcome,
      String code,
      Boolean advance,
      String compliance,
      boolean undisposed) {}

  /**
   * A goal for one subject: value against target; {@code expected} is where a count should be by
   * now at an even pace. Status: reached, on_track, behind, missed, upcoming, no_data or
   * no_baseline (a change goal whose previous period had nothing to grow from). {@code base}: the
   * calls a percentage rests on (dispositioned calls, calls with CSAT, calls with compliance
   * items).
   */
  public record GoalProgress(
      String id,
      String title,
      String metric,
      String period,
      String subject,
      Double value,
      Double target,
      Double expected,
      String status,
      boolean percentMetric,
      Long base) {}

  /** A target reached during this run. */
  public record Win(long atMillis, String goalId, String title, String subject) {}
}
