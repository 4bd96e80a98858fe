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
import org.callobjectives.server.config.Config;
import org.callobjectives.server.config.QueueMapping;
import org.callobjectives.server.domain.CallRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forced wrap-up: when a call of a {@code forcedWrapUp} queue ends, pauses the agent's memberships
 * in Asterisk (reason {@value #REASON}) and unpauses them once the agent's last such call is
 * dispositioned or expired. Only pauses it set itself are ever undone, and an unpause is retried
 * until Asterisk reports it. Call-tracking thread only.
 */
final class WrapUpPauser {
  private static final Logger log = LoggerFactory.getLogger(WrapUpPauser.class);
  static final String REASON = "wrap-up";
  static final long RETRY_FIRST_MS = 1_000;
  static final long RETRY_MAX_MS = 30_000;

  /**
   * Runs a task on the tracking thread after a delay (a scheduler in production, virtual time in
   * tests).
   */
  interface Later {
    void run(long delayMillis, Runnable onTracking);
  }

  /** The server's pause on one agent: the calls it waits for and the memberships it paused. */
  private static final class Hold {
    final Set<String> calls = new LinkedHashSet<>();
    final Set<Memberships.Key> owned = new LinkedHashSet<>();
  }

  /** An unpause sent for a membership we paused: ours until Asterisk reports it unpaused. */
  private static final class Unpause {
    final String agentId;
    long retryMs = RETRY_FIRST_MS;

    Unpause(String agentId) {
      this.agentId = agentId;
    }
  }

  private final Supplier<Config> config;
  private final QueuePauses ami;
  private final Memberships members;
  private final Executor tracking;
  private final Later later;
  private final Map<String, Hold> holds = new HashMap<>();
  private final Map<Memberships.Key, Unpause> unpausing = new HashMap<>();
  private final Map<String, Set<String>> pendingAtStart = new HashMap<>();
  private final Set<String> saidOff = new HashSet<>();
  private java.util.function.Consumer<String> agentChanged = a -> {};

  WrapUpPauser(
      Supplier<Config> config,
      QueuePauses ami,
      Memberships members,
      Executor tracking,
      Later later) {
    this.config = config;
    this.ami = ami;
    this.members = members;
    this.tracking = tracking;
    this.later = later;
  }

  /** Told (on the tracking thread) when an agent's forced wrap-up starts, ends or changes hands. */
  void onAgentChanged(java.util.function.Consumer<String> listener) {
    this.agentChanged = listener;
  }

  /** Whether the server holds a wrap-up pause on the agent right now. */
  boolean pausing(String agentId) {
    Hold h = holds.get(agentId);
    return h != null && !h.owned.isEmpty();
  }

  /**
   * Whether this membership is paused by the server's wrap-up (not by the agent or a supervisor).
   */
  boolean owns(String agentId, Memberships.Key k) {
    Hold h = holds.get(agentId);
    Unpause u = unpausing.get(k);
    return h != null && h.owned.contains(k) || u != null && u.agentId.equals(agentId);
  }

  /** Memberships whose unpause Asterisk has not reported yet (for tests and /health). */
  int unpausesWaiting() {
    return unpausing.size();
  }

  /** The link's AMI user was checked at login: says once when forced wrap-up cannot work there. */
  void capabilities(String server, AmiCapabilities caps) {
    if (caps.known() && !caps.queuePause() && anyForcedQueue() && saidOff.add(server)) {
      log.warn(
          "AMI link {}: forced wrap-up is off: the AMI user may not send QueuePause (manager.conf write "
              + "class 'agent' missing); agents are not paused after their calls",
          server);
    }
  }

  /** Whether this node listens to the link (and so pauses its agents). */
  boolean here(String server) {
    return ami.here(server);
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

  /**
   * Whether the server paused the call's agent for this call's wrap-up (decided by {@link
   * #callEnded}).
   */
  boolean holds(CallRecord c) {
    Hold h = c.agentId() == null ? null : holds.get(c.agentId());
    return h != null && h.calls.contains(c.callId()) && !h.owned.isEmpty();
  }

  private boolean anyForcedQueue() {
    return config.get().queues().values().stream().anyMatch(QueueMapping::forcedWrapUp);
  }

  /**
   * A connected call ended: pause the agent's memberships on that link that nobody paused (the
   * caller refreshes the state). With a hold already on, the call joins it, and memberships a
   * supervisor unpaused meanwhile are paused again for this call.
   */
  void callEnded(CallRecord c, boolean pendingDisposition) {
    if (!pendingDisposition || c.agentId() == null || c.queue() == null || !ami.here(c.server())) {
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
    List<Memberships.Key> mine = members.of(agentId, c.server());
    if (mine.isEmpty()) {
      // Pausing the whole interface could re-pause a supervisor's pause under our reason, then undo
      // it.
      log.warn(
          "call {}: no queue membership known for agent {} on {} (QueueStatus at login lists them): "
              + "not paused for wrap-up",
          c.callId(),
          agentId,
          c.server());
      return;
    }
    Hold h = holds.computeIfAbsent(agentId, a -> new Hold());
    h.calls.add(c.callId());
    for (Memberships.Key k : mine) {
      if (h.owned.contains(k)) {
        continue;
      }
      if (unpausing.containsKey(k)) {
        h.owned.add(
            k); // our unpause is on its way: paused again once Asterisk reports it (memberChanged)
        continue;
      }
      Memberships.Member m = members.get(k);
      if (m != null && m.paused()) {
        continue; // paused by the agent or a supervisor: never ours to pause or undo
      }
      h.owned.add(k);
      pause(agentId, k);
    }
    log.info(
        "agent {}: paused for wrap-up of call {} ({}): {} membership(s)",
        agentId,
        c.callId(),
        c.queue(),
        h.owned.size());
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
    for (Memberships.Key k : h.owned) {
      unpause(agentId, k);
    }
    log.info("agent {}: wrap-up over (call {}): unpaused", agentId, callId);
  }

  /**
   * A pause change in Asterisk: a pause with another reason, or an unpause, on a membership the
   * server paused makes it someone else's; an unpause we sent is over once Asterisk reports it.
   */
  void memberChanged(String agentId, AmiEvent.QueueMember e) {
    Memberships.Key k = new Memberships.Key(e.server(), e.iface(), e.queue());
    boolean ours = e.paused() && REASON.equals(e.pausedReason());
    Hold h = holds.get(agentId);
    if (unpausingSeen(agentId, k, e, ours, h)) {
      agentChanged.accept(agentId);
      return;
    }
    if (h == null) {
      if (e.change() == AmiEvent.MemberChange.LISTED && ours) {
        adoptAfterRestart(agentId, k);
      }
      return;
    }
    if (e.change() == AmiEvent.MemberChange.REMOVED) {
      h.owned.remove(k);
    } else if (e.change() == AmiEvent.MemberChange.LISTED && ours) {
      h.owned.add(k); // ours from before a restart (or listed again): lifted with the hold
    } else if (e.change() == AmiEvent.MemberChange.PAUSE && h.owned.contains(k) && !ours) {
      h.owned.remove(k);
      log.info(
          "agent {}: {} in {} was {} by someone else during wrap-up: left as it is",
          agentId,
          e.iface(),
          e.queue(),
          e.paused() ? "paused (" + e.pausedReason() + ")" : "unpaused");
    }
    agentChanged.accept(agentId);
  }

  /**
   * Settles an unpause we sent when Asterisk reports the membership; true if the event was about
   * one.
   */
  private boolean unpausingSeen(
      String agentId, Memberships.Key k, AmiEvent.QueueMember e, boolean ours, Hold h) {
    if (!unpausing.containsKey(k)) {
      return false;
    }
    if (e.change() == AmiEvent.MemberChange.REMOVED) {
      unpausing.remove(k);
      if (h != null) {
        h.owned.remove(k);
      }
    } else if (!e.paused()) {
      unpausing.remove(k);
      if (h != null && h.owned.contains(k)) {
        pause(agentId, k); // a call ended while the unpause was on its way: wrap up that one too
      }
    } else if (!ours) {
      unpausing.remove(k); // someone else paused it meanwhile: theirs now
      if (h != null) {
        h.owned.remove(k);
      }
    } else {
      return e.change() != AmiEvent.MemberChange.LISTED
          || h != null; // still our pause: the unpause is pending
    }
    return true;
  }

  /**
   * A call still waiting for its disposition when the server started (its wrap-up pause may still
   * be on).
   */
  void pendingAtStart(String agentId, String callId) {
    pendingAtStart.computeIfAbsent(agentId, a -> new LinkedHashSet<>()).add(callId);
  }

  /**
   * A wrap-up pause found at login: ours from before a restart; keep it for the calls still
   * pending, else lift it.
   */
  private void adoptAfterRestart(String agentId, Memberships.Key k) {
    Set<String> calls = pendingAtStart.get(agentId);
    if (calls == null || calls.isEmpty()) {
      log.info(
          "agent {}: wrap-up pause on {} in {} left from before a restart, no call pending: unpaused",
          agentId,
          k.iface(),
          k.queue());
      unpause(agentId, k);
      return;
    }
    Hold h = holds.computeIfAbsent(agentId, a -> new Hold());
    h.calls.addAll(calls);
    h.owned.add(k);
    agentChanged.accept(agentId);
  }

  private void pause(String agentId, Memberships.Key k) {
    ami.pause(k.server(), k.iface(), k.queue(), true, REASON)
        .whenComplete(
            (ok, err) -> {
              if (err != null) {
                warn(agentId, k, true, err);
                tracking.execute(
                    () -> {
                      Hold h = holds.get(agentId);
                      if (h != null && h.owned.remove(k)) {
                        agentChanged.accept(agentId); // nothing was paused: nothing to undo
                      }
                    });
              }
            });
  }

  /**
   * Unpauses a membership we paused; it stays ours, retried with backoff, until Asterisk reports
   * it.
   */
  private void unpause(String agentId, Memberships.Key k) {
    Unpause u = new Unpause(agentId);
    unpausing.put(k, u);
    sendUnpause(k, u);
  }

  private void sendUnpause(Memberships.Key k, Unpause u) {
    ami.pause(k.server(), k.iface(), k.queue(), false, null)
        .whenComplete(
            (ok, err) -> {
              if (err != null) {
                warn(u.agentId, k, false, err);
                tracking.execute(
                    () -> {
                      if (unpausing.get(k) == u) {
                        long delay = u.retryMs;
                        u.retryMs = Math.min(RETRY_MAX_MS, u.retryMs * 2);
                        later.run(delay, () -> retryUnpause(k, u));
                      }
                    });
              }
            });
  }

  private void retryUnpause(Memberships.Key k, Unpause u) {
    if (unpausing.get(k) != u) {
      return; // settled meanwhile
    }
    Memberships.Member m = members.get(k);
    Hold h = holds.get(u.agentId);
    if (m == null
        || !m.paused()
        || !REASON.equals(m.reason())
        || h != null && h.owned.contains(k)) {
      // Gone, unpaused, someone else's pause now, or wanted again for a newer call: nothing to
      // undo.
      unpausing.remove(k);
      agentChanged.accept(u.agentId);
      return;
    }
    log.info("agent {}: retrying the unpause of {} in {}", u.agentId, k.iface(), k.queue());
    sendUnpause(k, u);
  }

  private static void warn(String agentId, Memberships.Key k, boolean paused, Throwable err) {
    Throwable cause = err.getCause() != null ? err.getCause() : err;
    log.warn(
        "AMI link {}: QueuePause {} {} in {} for agent {} failed: {}{}",
        k.server(),
        paused ? "on" : "off",
        k.iface(),
        k.queue(),
        agentId,
        cause.getMessage(),
        paused ? "" : "; retrying until Asterisk unpauses it");
  }
}
