package org.callobjectives.server.agents;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.callobjectives.protocol.AgentState;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;

/**
 * Derives each agent's state (on_call, ringing, wrap_up, paused, offline, ready, in that order of
 * precedence) from calls, rings, queue pauses and the client's connection, and publishes it when it
 * changes. Mutated on the call-tracking thread only; {@link #all()} may be read from any thread.
 */
final class AgentStates {
  /** What is known of one agent. */
  private static final class Desk {
    final Set<String> onCall = new LinkedHashSet<>();
    final Set<String> pending = new LinkedHashSet<>();
    String ringingFor;
  }

  private final Supplier<Config> config;
  private final Memberships members;
  private final WrapUpPauser pauser;
  private final Predicate<String> connected;
  private final Clock clock;
  private final Map<String, Desk> desks = new HashMap<>();
  private final Map<String, AgentState> published = new ConcurrentHashMap<>();
  private final List<Consumer<AgentState>> listeners = new CopyOnWriteArrayList<>();

  AgentStates(
      Supplier<Config> config,
      Memberships members,
      WrapUpPauser pauser,
      Predicate<String> connected,
      Clock clock) {
    this.config = config;
    this.members = members;
    this.pauser = pauser;
    this.connected = connected;
    this.clock = clock;
  }

  void onChange(Consumer<AgentState> l) {
    listeners.add(l);
  }

  private Desk desk(String agentId) {
    return desks.computeIfAbsent(agentId, a -> new Desk());
  }

  void ringing(String agentId, String callerUniqueid) {
    desk(agentId).ringingFor = callerUniqueid;
    refresh(agentId);
  }

  void notRinging(String agentId) {
    Desk d = desks.get(agentId);
    if (d != null && d.ringingFor != null) {
      d.ringingFor = null;
      refresh(agentId);
    }
  }

  /** The caller was answered by someone or left: every agent rung for it stops ringing. */
  void callerGone(String callerUniqueid, String exceptAgentId) {
    if (callerUniqueid == null) {
      return;
    }
    desks.forEach(
        (agentId, d) -> {
          if (callerUniqueid.equals(d.ringingFor) && !agentId.equals(exceptAgentId)) {
            d.ringingFor = null;
            refresh(agentId);
          }
        });
  }

  void connected(String agentId, String callId) {
    Desk d = desk(agentId);
    d.onCall.add(callId);
    d.ringingFor = null;
    refresh(agentId);
  }

  void ended(String agentId, String callId, boolean needsDisposition) {
    Desk d = desk(agentId);
    d.onCall.remove(callId);
    if (needsDisposition) {
      d.pending.add(callId);
    }
    refresh(agentId);
  }

  void done(String agentId, String callId) {
    Desk d = desks.get(agentId);
    if (d != null) {
      d.pending.remove(callId);
    }
    refresh(agentId);
  }

  /** Publishes the agent's state if it changed; returns it. */
  AgentState refresh(String agentId) {
    AgentState next = compute(agentId);
    AgentState before = published.get(agentId);
    if (before != null
        && before.state().equals(next.state())
        && Objects.equals(before.reason(), next.reason())) {
      next =
          new AgentState(
              agentId,
              next.state(),
              next.reason(),
              before.sinceMillis(),
              next.pendingWrapUps(),
              next.forcedWrapUp());
    }
    if (!next.equals(before)) {
      published.put(agentId, next);
      for (Consumer<AgentState> l : listeners) {
        l.accept(next);
      }
    }
    return next;
  }

  private AgentState compute(String agentId) {
    Desk d = desks.getOrDefault(agentId, new Desk());
    boolean forced = pauser.pausing(agentId) || pausedForWrapUpElsewhere(agentId);
    String state;
    String reason = null;
    String pausedBy = pausedByOthers(agentId);
    if (!d.onCall.isEmpty()) {
      state = AgentState.ON_CALL;
    } else if (d.ringingFor != null) {
      state = AgentState.RINGING;
    } else if (!d.pending.isEmpty() && connected.test(agentId)) {
      state = AgentState.WRAP_UP;
      reason = forced ? WrapUpPauser.REASON : null;
    } else if (pausedBy != null) {
      state = AgentState.PAUSED;
      reason = pausedBy.isEmpty() ? null : pausedBy;
    } else if (!connected.test(agentId)) {
      // Not at the desk: what matters to the floor (a pending count still travels with it).
      state = AgentState.OFFLINE;
    } else {
      state = AgentState.READY;
    }
    return new AgentState(agentId, state, reason, clock.millis(), d.pending.size(), forced);
  }

  /** Whether another node paused the agent for wrap-up (on a link it listens to). */
  private boolean pausedForWrapUpElsewhere(String agentId) {
    for (var e : members.of(agentId).entrySet()) {
      if (e.getValue().paused()
          && WrapUpPauser.REASON.equals(e.getValue().reason())
          && !pauser.here(e.getKey().server())) {
        return true;
      }
    }
    return false;
  }

  /** The reason of a pause set by the agent or a supervisor ("" without reason); null if none. */
  private String pausedByOthers(String agentId) {
    for (var e : members.of(agentId).entrySet()) {
      // A wrap-up pause is the server's own (also while its unpause is on the way).
      if (e.getValue().paused()
          && !WrapUpPauser.REASON.equals(e.getValue().reason())
          && !pauser.owns(agentId, e.getKey())) {
        return e.getValue().reason();
      }
    }
    return null;
  }

  /** Every configured agent's state (offline for those never seen). Any thread. */
  List<AgentState> all() {
    List<AgentState> out = new ArrayList<>();
    for (Agent a : config.get().agents()) {
      AgentState s = published.get(a.id());
      out.add(s != null ? s : new AgentState(a.id(), AgentState.OFFLINE, null, 0, 0, false));
    }
    return out;
  }

  AgentState current(String agentId) {
    return published.get(agentId);
  }
}
