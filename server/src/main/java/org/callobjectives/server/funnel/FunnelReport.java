package org.callobjectives.server.funnel;

import java.util.List;

/**
 * One queue's funnel of advances: customers at each stage now, how many reached each stage and went
 * on, the median time to advance, and the stalled customers to follow up.
 */
public record FunnelReport(
    String queue,
    long asOfMillis,
    int stalledDays,
    long customers,
    long completed,
    List<StageLine> stages,
    List<Stalled> stalled,
    long doNotCall,
    long callsAtUnknownStages) {

  /**
   * One stage: customers there now; who reached it and who went on (to the next stage, or through
   * the last one: completed), as a percentage; the median time from the first call at the stage to
   * the advance that moved the customer on, over {@code advancedWithTimes} customers.
   */
  public record StageLine(
      int position,
      String id,
      String objectiveId,
      String objectiveTitle,
      long now,
      long reached,
      long advanced,
      Double conversion,
      Long medianMillisToAdvance,
      long advancedWithTimes,
      long stalled) {}

  /**
   * A customer with no advance for {@code daysStalled} days (since their last advance, or their
   * first call when they never had one) and their last dispositioned call of the chain.
   */
  public record Stalled(
      String callerNumber,
      String stage,
      int stagePosition,
      long daysStalled,
      long sinceMillis,
      long lastCallAtMillis,
      String lastCallId,
      String lastAgentId,
      String lastAgentName,
      String lastCode) {}
}
