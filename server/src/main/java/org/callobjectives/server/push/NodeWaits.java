package org.callobjectives.server.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.domain.QueueCaller;
import org.callobjectives.server.domain.QueueWaitListener;
import org.callobjectives.server.store.NodeSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Callers waiting in the queues of the links other nodes listen to, passed by node signals
 * (PostgreSQL): this node's waits go out as they start and end, and all of them again when a node
 * says hello; another node's waits end here when that node stops. Runs on the call-tracking thread
 * ({@code tracking}); {@code listener} hears the other nodes' waits as if tracked here.
 */
public final class NodeWaits implements QueueWaitListener {
  private static final Logger log = LoggerFactory.getLogger(NodeWaits.class);
  // Callers per "all" message: well inside one node signal.
  private static final int CALLERS_PER_MESSAGE = 10;

  /** One message between nodes. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Signal(
      String type,
      String node,
      QueueCaller caller,
      Boolean first,
      Boolean last,
      List<QueueCaller> all) {
    static final String JOINED = "wait_joined";
    static final String LEFT = "wait_left";
    static final String ALL = "wait_all";
    static final String HELLO = "hello";
  }

  private final NodeSignals signals;
  private final QueueWaitListener listener;
  // Tracking thread only.
  private final Map<String, QueueCaller> here = new LinkedHashMap<>();
  private final Map<String, Map<String, QueueCaller>> elsewhere = new HashMap<>();
  private boolean delivering;
  private final Map<String, Map<String, QueueCaller>> listing = new HashMap<>();

  public NodeWaits(NodeSignals signals, Executor tracking, QueueWaitListener listener) {
    this.signals = signals;
    this.listener = listener;
    signals.listen(json -> tracking.execute(() -> take(json)));
    signals.onNodeGone(node -> tracking.execute(() -> replace(node, Map.of())));
    signals.onConnected(() -> tracking.execute(this::sayAll));
  }

  @Override
  public void queueJoined(QueueCaller caller) {
    if (!delivering) {
      here.put(caller.key(), caller);
      send(new Signal(Signal.JOINED, signals.node(), caller, null, null, null));
    }
  }

  @Override
  public void queueLeft(QueueCaller caller) {
    if (!delivering && here.remove(caller.key()) != null) {
      send(new Signal(Signal.LEFT, signals.node(), caller, null, null, null));
    }
  }

  private void sayAll() {
    List<QueueCaller> all = new ArrayList<>(here.values());
    boolean first = true;
    for (int i = 0; i < all.size() || first; i += CALLERS_PER_MESSAGE) {
      List<QueueCaller> chunk =
          new ArrayList<>(all.subList(i, Math.min(all.size(), i + CALLERS_PER_MESSAGE)));
      boolean last = i + CALLERS_PER_MESSAGE >= all.size();
      send(new Signal(Signal.ALL, signals.node(), null, first, last, chunk));
      first = false;
    }
  }

  private void take(String json) {
    Signal s;
    try {
      s = Json.mapper().readValue(json, Signal.class);
    } catch (java.io.IOException e) {
      return; // another kind of signal (NodeAgents says so when it cannot read one)
    }
    if (s.type() == null || s.node() == null || s.node().equals(signals.node())) {
      return;
    }
    Map<String, QueueCaller> theirs = elsewhere.computeIfAbsent(s.node(), k -> new HashMap<>());
    switch (s.type()) {
      case Signal.HELLO -> sayAll();
      case Signal.JOINED -> {
        if (s.caller() != null) {
          theirs.put(s.caller().key(), s.caller());
          deliver(s.caller(), true);
        }
      }
      case Signal.LEFT -> {
        if (s.caller() != null && theirs.remove(s.caller().key()) != null) {
          deliver(s.caller(), false);
        }
      }
      case Signal.ALL -> {
        // The whole list comes in chunks: applied once its last chunk is in.
        Map<String, QueueCaller> list =
            Boolean.TRUE.equals(s.first())
                ? new HashMap<>()
                : listing.getOrDefault(s.node(), new HashMap<>());
        for (QueueCaller c : s.all() == null ? List.<QueueCaller>of() : s.all()) {
          list.put(c.key(), c);
        }
        if (Boolean.FALSE.equals(s.last())) {
          listing.put(s.node(), list);
        } else {
          listing.remove(s.node());
          replace(s.node(), list);
        }
      }
      default -> {
        // agent presence and member events: NodeAgents' part
      }
    }
  }

  /** The node's waits are now {@code now}: those gone end here, new ones start. */
  private void replace(String node, Map<String, QueueCaller> now) {
    Map<String, QueueCaller> before = elsewhere.getOrDefault(node, Map.of());
    for (QueueCaller c : before.values()) {
      if (!now.containsKey(c.key())) {
        deliver(c, false);
      }
    }
    for (QueueCaller c : now.values()) {
      if (!before.containsKey(c.key())) {
        deliver(c, true);
      }
    }
    if (now.isEmpty()) {
      elsewhere.remove(node);
    } else {
      elsewhere.put(node, new HashMap<>(now));
    }
  }

  private void deliver(QueueCaller c, boolean joined) {
    delivering = true;
    try {
      if (joined) {
        listener.queueJoined(c);
      } else {
        listener.queueLeft(c);
      }
    } finally {
      delivering = false;
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
