package org.callobjectives.server.stats;

import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;

/** How the figures name queues, agents and teams. */
final class Labels {
  /** The "queue" of agent-dialled calls. */
  static final String OUTBOUND = "outbound";

  private Labels() {}

  static String queueId(StatsKey k) {
    return k.queue() == null ? OUTBOUND : k.queue();
  }

  static String team(Config c, String agentId) {
    return agentId == null ? null : c.agent(agentId).map(Agent::group).orElse(null);
  }

  static String agentName(Config c, String agentId) {
    return agentId == null ? null : c.agent(agentId).map(Agent::name).orElse(agentId);
  }
}
