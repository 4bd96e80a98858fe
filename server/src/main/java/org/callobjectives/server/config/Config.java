package org.callobjectives.server.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.server.security.User;

/** One consistent, validated configuration snapshot: replaced whole on reload, never mutated. */
public final class Config {
  private final ServerSettings server;
  private final Map<String, Agent> agentsById;
  private final Map<String, Agent> agentsByDevice = new HashMap<>();
  private final Map<String, Agent> agentsByName = new HashMap<>();
  private final Map<String, Objective> objectives;
  private final Map<String, QueueMapping> queues;
  private final List<DispositionCode> defaultCodes;
  private final OutboundMapping outbound;
  private final MappingRules rules;

  public Config(
      ServerSettings server,
      List<Agent> agents,
      Map<String, Objective> objectives,
      Map<String, QueueMapping> queues,
      List<DispositionCode> defaultCodes,
      OutboundMapping outbound) {
    this(server, agents, objectives, queues, defaultCodes, outbound, MappingRules.NONE);
  }

  public Config(
      ServerSettings server,
      List<Agent> agents,
      Map<String, Objective> objectives,
      Map<String, QueueMapping> queues,
      List<DispositionCode> defaultCodes,
      OutboundMapping outbound,
      MappingRules rules) {
    this.rules = rules;
    this.server = server;
    this.agentsById = new LinkedHashMap<>();
    for (Agent a : agents) {
      agentsById.put(a.id(), a);
      agentsByName.put(a.name().toLowerCase(Locale.ROOT), a);
      for (String i : a.interfaces()) {
        agentsByDevice.put(Interfaces.device(i), a);
      }
    }
    this.objectives = Map.copyOf(objectives);
    this.queues = Map.copyOf(queues);
    this.defaultCodes = List.copyOf(defaultCodes);
    this.outbound = outbound;
  }

  public ServerSettings server() {
    return server;
  }

  public Config withServer(ServerSettings s) {
    return new Config(
        s, List.copyOf(agentsById.values()), objectives, queues, defaultCodes, outbound, rules);
  }

  /** With these agents instead (a reload of agents.yaml). */
  public Config withAgents(List<Agent> agents) {
    return new Config(server, agents, objectives, queues, defaultCodes, outbound, rules);
  }

  /** Agent overrides, queue stages and second objectives, campaigns. */
  public MappingRules rules() {
    return rules;
  }

  /** Supervisors and admins (from server.yaml). */
  public List<User> users() {
    return server.users();
  }

  public List<Agent> agents() {
    return List.copyOf(agentsById.values());
  }

  public Optional<Agent> agent(String id) {
    return Optional.ofNullable(agentsById.get(id));
  }

  /**
   * The agent behind an AMI interface or channel name ({@code Local/1001@agents/n}, {@code
   * PJSIP/1001-0000002a}).
   */
  public Optional<Agent> agentForDevice(String interfaceOrChannel) {
    return Optional.ofNullable(agentsByDevice.get(Interfaces.device(interfaceOrChannel)));
  }

  /** The agent for a queue member: by interface first, then by AMI MemberName. */
  public Optional<Agent> agentForMember(String iface, String memberName) {
    Optional<Agent> a = agentForDevice(iface);
    if (a.isPresent() || memberName == null) {
      return a;
    }
    return Optional.ofNullable(agentsByName.get(memberName.toLowerCase(Locale.ROOT)));
  }

  public Optional<Objective> objective(String id) {
    return Optional.ofNullable(objectives.get(id));
  }

  public Map<String, Objective> objectives() {
    return objectives;
  }

  /** The seconds within which a call of {@code queue} counts as answered in time. */
  public int serviceLevelSeconds(String queue) {
    return queue(queue)
        .map(QueueMapping::serviceLevelSeconds)
        .orElse(QueueMapping.DEFAULT_SERVICE_LEVEL_SECONDS);
  }

  public Optional<QueueMapping> queue(String name) {
    return Optional.ofNullable(queues.get(name));
  }

  public Map<String, QueueMapping> queues() {
    return queues;
  }

  public List<DispositionCode> defaultCodes() {
    return defaultCodes;
  }

  public OutboundMapping outbound() {
    return outbound;
  }
}
