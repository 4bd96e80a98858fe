package org.callobjectives.server.agents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.callobjectives.server.ami.AmiEvent;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;

/**
 * Each agent's queue memberships per AMI link and their pause state, as member events report them.
 */
final class Memberships {
  /** One membership: the interface as Asterisk spells it (QueuePause needs it so) in one queue. */
  record Key(String server, String iface, String queue) {}

  /** {@code reason} is empty when not paused. */
  record Member(String agentId, int status, boolean paused, String reason) {}

  private final Supplier<Config> config;
  private final Map<Key, Member> members = new LinkedHashMap<>();
  // The same, per agent: states are worked out per agent, often, among thousands of memberships.
  private final Map<String, Map<Key, Member>> byAgent = new java.util.HashMap<>();

  Memberships(Supplier<Config> config) {
    this.config = config;
  }

  /** Records the event; returns the agent it concerns, or null for a member we do not know. */
  String apply(AmiEvent.QueueMember e) {
    Key k = new Key(e.server(), e.iface(), e.queue());
    if (e.change() == AmiEvent.MemberChange.REMOVED) {
      Member gone = members.remove(k);
      if (gone == null) {
        return null;
      }
      unindex(gone.agentId(), k);
      return gone.agentId();
    }
    Agent a = config.get().agentForMember(e.iface(), e.memberName()).orElse(null);
    if (a == null) {
      return null;
    }
    Member old = members.get(k);
    // QueueMemberPause says nothing new about the device; keep the status we knew.
    int status =
        e.change() == AmiEvent.MemberChange.PAUSE && old != null ? old.status() : e.status();
    Member now =
        new Member(
            a.id(),
            status,
            e.paused(),
            e.paused() && e.pausedReason() != null ? e.pausedReason() : "");
    members.put(k, now);
    if (old != null && !old.agentId().equals(a.id())) {
      unindex(old.agentId(), k);
    }
    byAgent.computeIfAbsent(a.id(), x -> new LinkedHashMap<>()).put(k, now);
    return a.id();
  }

  private void unindex(String agentId, Key k) {
    Map<Key, Member> mine = byAgent.get(agentId);
    if (mine != null) {
      mine.remove(k);
      if (mine.isEmpty()) {
        byAgent.remove(agentId);
      }
    }
  }

  /** Memberships of the link that a complete listing ("queue|interface") no longer has. */
  List<Key> missingFrom(String server, java.util.Set<String> listed) {
    List<Key> out = new ArrayList<>();
    for (Key k : members.keySet()) {
      if (k.server().equals(server) && !listed.contains(k.queue() + "|" + k.iface())) {
        out.add(k);
      }
    }
    return out;
  }

  /** The link's memberships as listing events (as QueueStatus would report them). */
  List<AmiEvent> listing(java.util.function.Predicate<String> servers) {
    List<AmiEvent> out = new ArrayList<>();
    members.forEach(
        (k, m) -> {
          if (servers.test(k.server())) {
            String name = config.get().agent(m.agentId()).map(Agent::name).orElse(null);
            out.add(
                new AmiEvent.QueueMember(
                    k.server(),
                    0,
                    AmiEvent.MemberChange.LISTED,
                    k.queue(),
                    k.iface(),
                    name,
                    m.status(),
                    m.paused(),
                    m.reason()));
          }
        });
    return out;
  }

  Member get(Key k) {
    return members.get(k);
  }

  /** The agent's memberships on one link. */
  List<Key> of(String agentId, String server) {
    List<Key> out = new ArrayList<>();
    for (Key k : byAgent.getOrDefault(agentId, Map.of()).keySet()) {
      if (k.server().equals(server)) {
        out.add(k);
      }
    }
    return out;
  }

  /** The agent's memberships on every link, with their state. */
  Map<Key, Member> of(String agentId) {
    return new LinkedHashMap<>(byAgent.getOrDefault(agentId, Map.of()));
  }
}
