package org.callobjectives.server.agents;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.callobjectives.server.ami.AmiCapabilities;
import org.callobjectives.server.ami.AmiEvent;
import org.callobjectives.server.calls.CallRecord;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.QueueMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forced wrap-up: when a call of a {@code forcedWrapUp} queue ends, pauses the agent's memberships
 * in Asterisk (reason {@value #REASON}) and unpauses them once the agent's last such call is
 * dispositioned or expired. Only pauses it set itself are ever undone. Call-tracking thread only.
 */
final class WrapUpPauser {
  private static final Logger log = LoggerFactory.getLogger(WrapUpPauser.class);
  static final String REASON = "wrap-up";

  /** The server's pause on one agent: the calls it waits for and the memberships it paused. */
  private static final class Hold {
    final String server;
    final Set<String> calls = new LinkedHashSet<>();
    final Set<Memberships.Key> owned = new LinkedHashSet<>();
    /** Interfaces paused in all their queues at once (memberships were not known yet). */
    final Set<String> whole = new LinkedHashSet<>();
    /** Of those, the ones whose QueueMemberPause events told us the memberships. */
    final Set<String> learned = new HashSet<>();

    Hold(String server) {
      this.server = server;
    }

    boolean pausing() {
      return !owned.isEmpty() || !learned.containsAll(whole);
    }
  }

  private final Supplier<Config> config;
  private final QueuePauses ami;
  private final Memberships members;
  private final Executor tracking;
  private final Map<String, Hold> holds = new HashMap<>();
  private final Map<String, String> lastIface = new HashMap<>();
  private final Set<String> saidOff = new HashSet<>();
  private java.util.function.Consumer<String> agentChanged = a -> {};

  WrapUpPauser(Supplier<Config> config, QueuePauses ami, Memberships members, Executor tracking) {
    this.config = config;
    this.ami = ami;
    this.members = members;
    this.tracking = tracking;
  }

  /** Told (on the tracking thread) when an agent's forced wrap-up starts, ends or changes hands. */
  void onAgentChanged(java.util.function.Consumer<String> listener) {
    this.agentChanged = listener;
  }

  /** Whether the server holds a wrap-up pause on the agent right now. */
  boolean pausing(String agentId) {
    Hold h = holds.get(agentId);
    return h != null && h.pausing();
  }

  /** Whether this membership is paused by the server's wrap-up (not by the agent or a supervisor). */
  boolean owns(String agentId, Memberships.Key k) {
    Hold h = holds.get(agentId);
    return h != null && (h.owned.contains(k) || h.whole.contains(k.iface()) && !h.learned.contains(k.iface()));
  }

  /** The link's AMI user was checked at login: says once when forced wrap-up cannot work there. */
  void capabilities(String server, AmiCapabilities caps) {
    if (caps.known() && !caps.queuePause() && anyForcedQueue() && saidOff.add(server)) {
      log.warn("AMI link {}: forced wrap-up is off: the AMI user may not send QueuePause (manager.conf write "
          + "class 'agent' missing); agents are not paused after their calls", server);
    }
  }

  /** {@code on}, or {@code off: ...} with the reason, per link (for /health). */
  String status(String server) {
    if (!anyForcedQueue()) {
      return "off: no queue has forcedWrapUp";
    }
    AmiCapabilities caps = ami.capabilities(server);
    if (!caps.queuePause()) {
      return "off: the AMI user lacks write class agent (QueuePause)";
    }
    return caps.known() ? "on" : "on (not checked yet)";
  }

  private boolean anyForcedQueue() {
    return config.get().queues().values().stream().anyMatch(QueueMapping::forcedWrapUp);
  }

  /** Remembers which interface the agent answers on, for a pause before any member event was seen. */
  void agentConnected(AmiEvent.AgentConnect c) {
    Agent a = config.get().agentForMember(c.iface(), c.memberName()).orElse(null);
    if (a != null && c.iface() != null) {
      lastIface.put(a.id() + "|" + c.server(), c.iface());
    }
  }

  /** A connected call ended: pause the agent if its queue forces wrap-up (the caller refreshes the state). */
  void callEnded(CallRecord c, boolean pendingDisposition) {
    if (!pendingDisposition || c.agentId() == null || c.queue() == null) {
      return;
    }
    QueueMapping q = config.get().queue(c.queue()).orElse(null);
    if (q == null || !q.forcedWrapUp()) {
      return;
    }
    AmiCapabilities caps = ami.capabilities(c.server());
    if (!caps.queuePause()) {
      capabilities(c.server(), caps);
      return;
    }
    String agentId = c.agentId();
    Hold h = holds.get(agentId);
    if (h != null) {
      h.calls.add(c.callId()); // paused already: stay paused until the last call is done
      return;
    }
    h = new Hold(c.server());
    List<Memberships.Key> mine = members.of(agentId, c.server());
    if (mine.isEmpty()) {
      String iface = lastIface.get(agentId + "|" + c.server());
      if (iface == null) {
        log.warn("call {}: no queue membership known for agent {} on {}: not paused for wrap-up", c.callId(),
            agentId, c.server());
        return;
      }
      h.whole.add(iface);
      send(c.server(), h, agentId, iface, null, true);
    } else {
      for (Memberships.Key k : mine) {
        Memberships.Member m = members.get(k);
        if (m != null && m.paused()) {
          continue; // paused by the agent or a supervisor: never ours to pause or undo
        }
        h.owned.add(k);
        send(c.server(), h, agentId, k.iface(), k.queue(), true);
      }
      if (h.owned.isEmpty()) {
        return;
      }
    }
    h.calls.add(c.callId());
    holds.put(agentId, h);
    log.info("agent {}: paused for wrap-up of call {} ({})", agentId, c.callId(), c.queue());
  }

  /**
   * The call's disposition is stored or its deadline passed: unpause after the agent's last held
   * call (the caller refreshes the state).
   */
  void callDone(String agentId, String callId) {
    Set<String> atStart = pendingAtStart.get(agentId);
    if (atStart != null) {
      atStart.remove(callId);
    }
    Hold h = holds.get(agentId);
    if (h == null || !h.calls.remove(callId) || !h.calls.isEmpty()) {
      return; // a late disposition (after UNDISPOSED) or another held call: nothing to do
    }
    holds.remove(agentId);
    for (String iface : h.whole) {
      if (!h.learned.contains(iface)) {
        send(h.server, null, agentId, iface, null, false);
      }
    }
    for (Memberships.Key k : h.owned) {
      send(k.server(), null, agentId, k.iface(), k.queue(), false);
    }
    log.info("agent {}: wrap-up over (call {}): unpaused", agentId, callId);
  }

  /**
   * A pause change in Asterisk: a pause with another reason, or an unpause, on a membership the
   * server paused makes it someone else's; our own wrap-up pause tells which queues were paused.
   */
  void memberChanged(String agentId, AmiEvent.QueueMember e) {
    Hold h = holds.get(agentId);
    Memberships.Key k = new Memberships.Key(e.server(), e.iface(), e.queue());
    boolean ours = e.paused() && REASON.equals(e.pausedReason());
    if (h == null) {
      if (e.change() == AmiEvent.MemberChange.LISTED && ours) {
        adoptAfterRestart(agentId, k);
      }
      return;
    }
    if (e.change() == AmiEvent.MemberChange.REMOVED) {
      h.owned.remove(k);
    } else if (e.change() == AmiEvent.MemberChange.PAUSE) {
      if (h.whole.contains(e.iface()) && ours) {
        h.learned.add(e.iface());
        h.owned.add(k);
      } else if (h.owned.contains(k) && !ours) {
        h.owned.remove(k);
        log.info("agent {}: {} in {} was {} by someone else during wrap-up: left as it is", agentId, e.iface(),
            e.queue(), e.paused() ? "paused (" + e.pausedReason() + ")" : "unpaused");
      }
    }
    agentChanged.accept(agentId);
  }

  private final Map<String, Set<String>> pendingAtStart = new HashMap<>();

  /** A call still waiting for its disposition when the server started (its wrap-up pause may still be on). */
  void pendingAtStart(String agentId, String callId) {
    pendingAtStart.computeIfAbsent(agentId, a -> new LinkedHashSet<>()).add(callId);
  }

  /** A wrap-up pause found at login: ours from before a restart; keep it for the calls still pending, else lift it. */
  private void adoptAfterRestart(String agentId, Memberships.Key k) {
    Set<String> calls = pendingAtStart.get(agentId);
    if (calls == null || calls.isEmpty()) {
      log.info("agent {}: wrap-up pause on {} in {} left from before a restart, no call pending: unpaused", agentId,
          k.iface(), k.queue());
      send(k.server(), null, agentId, k.iface(), k.queue(), false);
      return;
    }
    Hold h = holds.computeIfAbsent(agentId, a -> new Hold(k.server()));
    h.calls.addAll(calls);
    h.owned.add(k);
    agentChanged.accept(agentId);
  }

  private void send(String server, Hold h, String agentId, String iface, String queue, boolean paused) {
    ami.pause(server, iface, queue, paused, paused ? REASON : null).whenComplete((ok, err) -> {
      if (err == null) {
        return;
      }
      Throwable cause = err.getCause() != null ? err.getCause() : err;
      log.warn("AMI link {}: QueuePause {} {} in {} for agent {} failed: {}", server, paused ? "on" : "off", iface,
          queue == null ? "all queues" : queue, agentId, cause.getMessage());
      if (paused && h != null) {
        tracking.execute(() -> {
          h.owned.remove(new Memberships.Key(server, iface, queue));
          h.learned.add(iface); // nothing was paused: nothing to undo
          agentChanged.accept(agentId);
        });
      }
    });
  }
}
