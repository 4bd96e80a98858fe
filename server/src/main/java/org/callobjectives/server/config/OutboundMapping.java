package org.callobjectives.server.config;

import java.util.List;
import java.util.Map;
import org.callobjectives.protocol.DispositionCode;

/** Objectives for agent-dialled calls: per agent, then per agent group, then the default. */
public record OutboundMapping(
    String defaultObjective,
    Map<String, String> byAgent,
    Map<String, String> byGroup,
    List<DispositionCode> codes) {
  public OutboundMapping {
    byAgent = Map.copyOf(byAgent);
    byGroup = Map.copyOf(byGroup);
    codes = List.copyOf(codes);
  }

  public String objectiveFor(Agent agent) {
    String o = byAgent.get(agent.id());
    if (o == null && agent.group() != null) {
      o = byGroup.get(agent.group());
    }
    return o != null ? o : defaultObjective;
  }
}
