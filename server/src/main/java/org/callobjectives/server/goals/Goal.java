package org.callobjectives.server.goals;

/**
 * One target from goals.yaml. Scope: the whole centre, a queue, a team (agent group), one agent, or
 * each agent separately. Either an absolute {@code target} (a count, or a percentage for rates), or
 * {@code changePercent}: that much more than the previous period of the same length.
 */
public record Goal(
    String id,
    String title,
    Metric metric,
    Double target,
    Double changePercent,
    PeriodSpec period,
    Scope scope,
    String scopeValue) {

  /** Whose figures the goal is about. */
  public enum Scope {
    CENTRE,
    QUEUE,
    TEAM,
    AGENT,
    EACH_AGENT
  }
}
