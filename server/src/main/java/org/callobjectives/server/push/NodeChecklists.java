package org.callobjectives.server.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.callobjectives.protocol.ChecklistProgress;
import org.callobjectives.protocol.Json;
import org.callobjectives.server.store.NodeSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checklist ticks between the nodes of one PostgreSQL database: a tick arrives on the node the
 * agent's client is connected to; supervisors on every node see it. Each message carries the call's
 * whole ticked list, so a lost one is made good by the next.
 */
public final class NodeChecklists {
  private static final Logger log = LoggerFactory.getLogger(NodeChecklists.class);
  static final String TYPE = "checklist";

  /** One message between nodes. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Signal(String type, String node, String agentId, String callId, List<String> done) {}

  public NodeChecklists(NodeSignals signals, AgentSessions sessions) {
    sessions.shareTicks(
        (agentId, p) ->
            send(signals, new Signal(TYPE, signals.node(), agentId, p.callId(), p.done())));
    signals.listen(
        json -> {
          Signal s;
          try {
            s = Json.mapper().readValue(json, Signal.class);
          } catch (java.io.IOException e) {
            return; // another kind of signal
          }
          if (TYPE.equals(s.type())
              && s.node() != null
              && !s.node().equals(signals.node())
              && s.agentId() != null
              && s.callId() != null) {
            sessions.checklistFromOtherNode(
                s.agentId(), new ChecklistProgress(s.callId(), s.done()));
          }
        });
  }

  private static void send(NodeSignals signals, Signal s) {
    try {
      signals.send(Json.mapper().writeValueAsString(s));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      log.warn("node signal not written: {}", e.getMessage());
    }
  }
}
