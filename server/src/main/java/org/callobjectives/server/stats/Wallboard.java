package org.callobjectives.server.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callobjectives.protocol.AgentState;
import org.callobjectives.server.config.Config;

/**
 * What a wall screen shows: today's queues, agents by state, and today's advance rate, compliance
 * and CSAT against their targets. No caller numbers or names: a wall screen is seen by anyone
 * walking past.
 */
public record Wallboard(
    long serverTime,
    String date,
    String zone,
    List<Queue> queues,
    Map<String, Integer> agentsByState,
    List<Desk> agents,
    Figure advanceRate,
    Figure compliance,
    Figure csat,
    int longCallSeconds,
    int longWrapUpSeconds) {

  /** One queue now and today. */
  public record Queue(
      String name,
      long waiting,
      Long oldestWaitMillis,
      long onCalls,
      Double serviceLevel,
      Integer serviceLevelSeconds,
      long offered,
      long abandoned,
      long handled) {}

  /** One agent's state and since when. */
  public record Desk(String name, String state, String reason, long sinceMillis) {}

  /** A percentage today, the calls it rests on, and its target (the minimum) if one is set. */
  public record Figure(Double value, long base, Double target) {}

  /** States in the order a floor reads them. */
  static final List<String> STATES =
      List.of(
          AgentState.READY,
          AgentState.RINGING,
          AgentState.ON_CALL,
          AgentState.WRAP_UP,
          AgentState.PAUSED,
          AgentState.OFFLINE);

  static Wallboard of(LiveSnapshot s, Config config) {
    LiveSnapshot.View today = s.views().get("today");
    List<Queue> queues = new ArrayList<>();
    for (LiveSnapshot.Row r : today.queues()) {
      if (r.serviceLevelSeconds() == null) {
        continue; // agent-dialled calls wait in no queue
      }
      queues.add(
          new Queue(
              r.name(),
              r.waiting(),
              r.oldestWaitMillis(),
              r.inProgress(),
              r.serviceLevel(),
              r.serviceLevelSeconds(),
              r.offered(),
              r.abandoned(),
              r.handled()));
    }
    Map<String, Integer> byState = new LinkedHashMap<>();
    STATES.forEach(st -> byState.put(st, 0));
    List<Desk> desks = new ArrayList<>();
    for (AgentState a : s.agentStates()) {
      byState.merge(a.state(), 1, Integer::sum);
      desks.add(
          new Desk(Labels.agentName(config, a.agentId()), a.state(), a.reason(), a.sinceMillis()));
    }
    desks.sort(
        java.util.Comparator.comparingInt((Desk d) -> STATES.indexOf(d.state()))
            .thenComparing(Desk::name));
    LiveSnapshot.Row t = today.total();
    return new Wallboard(
        s.serverTime(),
        s.date(),
        s.zone(),
        queues,
        byState,
        desks,
        new Figure(t.advanceRate(), t.dispositioned(), target(s, "advance_rate")),
        new Figure(t.compliance(), t.complianceCalls(), target(s, "compliance")),
        new Figure(t.csat(), t.csatCount(), target(s, "csat")),
        s.longCallSeconds(),
        s.longWrapUpSeconds());
  }

  /** The centre's target for a percentage, from goals.yaml, if there is one. */
  private static Double target(LiveSnapshot s, String metric) {
    for (LiveSnapshot.GoalProgress g : s.goals()) {
      if (g.metric().equals(metric) && g.subject().equals("centre") && g.target() != null) {
        return g.target();
      }
    }
    return null;
  }
}
