package org.callobjectives.server.agents;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.ami.AmiEvent;
import org.callobjectives.server.store.NodeSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agent states on several nodes: every node works each agent's state out from the same facts. The
 * calls and dispositions come through the outbox; this passes the rest: which agents are signed in
 * on which node, and the queue member events of the links this node listens to (rings, pauses).
 * Everything runs on the call-tracking thread ({@code tracking}).
 */
final class NodeAgents {
  private static final Logger log = LoggerFactory.getLogger(NodeAgents.class);
  // Agent ids per presence message: well inside one node signal.
  private static final int IDS_PER_MESSAGE = 60;

  /** One message between nodes; {@code type} says which fields it uses. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Signal(
      String type,
      String node,
      String agentId,
      Boolean on,
      Boolean first,
      List<String> agents,
      String kind,
      JsonNode event) {
    static final String HELLO = "hello";
    static final String PRESENCE = "presence";
    static final String PRESENCE_ALL = "presence_all";
    static final String MEMBER_EVENT = "ami";
  }

  private final NodeSignals signals;
  private final Executor tracking;
  private final Supplier<Set<String>> signedInHere;
  private final Supplier<List<AmiEvent>> membersHere;
  private final Consumer<AmiEvent> apply;
  private final Consumer<String> refresh;
  // Tracking thread only: agents signed in on each other node.
  private final Map<String, Set<String>> elsewhere = new HashMap<>();

  /**
   * {@code signedInHere}: agents with a client on this node; {@code membersHere}: the memberships
   * of the links this node listens to, as listing events; {@code apply}: a member event from
   * another node's link; {@code refresh}: works an agent's state out again.
   */
  NodeAgents(
      NodeSignals signals,
      Executor tracking,
      Supplier<Set<String>> signedInHere,
      Supplier<List<AmiEvent>> membersHere,
      Consumer<AmiEvent> apply,
      Consumer<String> refresh) {
    this.signals = signals;
    this.tracking = tracking;
    this.signedInHere = signedInHere;
    this.membersHere = membersHere;
    this.apply = apply;
    this.refresh = refresh;
    signals.listen(json -> tracking.execute(() -> take(json)));
    signals.onNodeGone(node -> tracking.execute(() -> gone(node)));
    // At start and after a lost connection: what was said meanwhile is gone; ask again.
    signals.onConnected(
        () ->
            tracking.execute(
                () -> {
                  send(
                      new Signal(Signal.HELLO, signals.node(), null, null, null, null, null, null));
                  sayAll();
                }));
  }

  /** Whether the agent has a client signed in on another node (tracking thread). */
  boolean signedInElsewhere(String agentId) {
    for (Set<String> agents : elsewhere.values()) {
      if (agents.contains(agentId)) {
        return true;
      }
    }
    return false;
  }

  /** The agent's first client signed in here, or its last one left. */
  void signedIn(String agentId, boolean on) {
    send(new Signal(Signal.PRESENCE, signals.node(), agentId, on, null, null, null, null));
  }

  /** A member event of a link this node listens to, for the other nodes. */
  void memberEvent(AmiEvent e) {
    send(
        new Signal(
            Signal.MEMBER_EVENT,
            signals.node(),
            null,
            null,
            null,
            null,
            e.getClass().getSimpleName(),
            Json.mapper().valueToTree(e)));
  }

  /** Everything this node knows that others need: who is signed in here, the members it sees. */
  private void sayAll() {
    List<String> here = new ArrayList<>(signedInHere.get());
    boolean first = true;
    for (int i = 0; i < here.size() || first; i += IDS_PER_MESSAGE) {
      List<String> chunk = here.subList(i, Math.min(here.size(), i + IDS_PER_MESSAGE));
      send(
          new Signal(
              Signal.PRESENCE_ALL,
              signals.node(),
              null,
              null,
              first,
              new ArrayList<>(chunk),
              null,
              null));
      first = false;
    }
    membersHere.get().forEach(this::memberEvent);
  }

  private void take(String json) {
    Signal s;
    try {
      s = Json.mapper().readValue(json, Signal.class);
    } catch (java.io.IOException e) {
      log.warn("node signal not understood, skipped: {}", e.getMessage());
      return;
    }
    switch (s.type()) {
      case Signal.HELLO -> sayAll();
      case Signal.PRESENCE -> {
        Set<String> agents = elsewhere.computeIfAbsent(s.node(), k -> new HashSet<>());
        if (Boolean.TRUE.equals(s.on()) ? agents.add(s.agentId()) : agents.remove(s.agentId())) {
          refresh.accept(s.agentId());
        }
      }
      case Signal.PRESENCE_ALL -> {
        Set<String> agents =
            Boolean.TRUE.equals(s.first())
                ? replace(s.node())
                : elsewhere.computeIfAbsent(s.node(), k -> new HashSet<>());
        for (String a : s.agents()) {
          if (agents.add(a)) {
            refresh.accept(a);
          }
        }
      }
      case Signal.MEMBER_EVENT -> {
        AmiEvent e = event(s);
        if (e != null) {
          apply.accept(e);
        }
      }
      default -> {
        // queue waits and checklist ticks: NodeWaits' and NodeChecklists' part
        if (s.type() == null || !(s.type().startsWith("wait_") || s.type().equals("checklist"))) {
          log.warn("node signal of unknown type {} skipped", s.type());
        }
      }
    }
  }

  /** Starts the node's list again; those no longer in it are refreshed at once. */
  private Set<String> replace(String node) {
    Set<String> before = elsewhere.put(node, new HashSet<>());
    if (before != null) {
      before.forEach(refresh);
    }
    return elsewhere.get(node);
  }

  private void gone(String node) {
    Set<String> agents = elsewhere.remove(node);
    if (agents != null) {
      agents.forEach(refresh);
    }
  }

  private static AmiEvent event(Signal s) {
    Class<? extends AmiEvent> type =
        switch (s.kind() == null ? "" : s.kind()) {
          case "QueueMember" -> AmiEvent.QueueMember.class;
          case "AgentRinging" -> AmiEvent.AgentRinging.class;
          case "AgentConnect" -> AmiEvent.AgentConnect.class;
          case "QueueAbandon" -> AmiEvent.QueueAbandon.class;
          default -> null;
        };
    if (type == null) {
      log.warn("member event of unknown kind {} skipped", s.kind());
      return null;
    }
    try {
      return Json.mapper().treeToValue(s.event(), type);
    } catch (java.io.IOException e) {
      log.warn("member event {} not understood, skipped: {}", s.kind(), e.getMessage());
      return null;
    }
  }

  private void send(Signal s) {
    try {
      signals.send(Json.mapper().writeValueAsString(s));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      log.warn("node signal not written: {}", e.getMessage());
    }
  }
}
