package org.callobjectives.server.agents;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.callobjectives.protocol.AgentState;
import org.callobjectives.protocol.DispositionSubmit;
import org.callobjectives.server.ami.AmiCapabilities;
import org.callobjectives.server.ami.AmiEvent;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.domain.CallListener;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.DispositionListener;
import org.callobjectives.server.push.AgentSessions;
import org.callobjectives.server.store.NodeSignals;

/**
 * The agent's working day as the server sees it: states from AMI, calls, dispositions and the
 * client, pushed as {@code agent_state}; and forced wrap-up. Every input is handled on the
 * call-tracking thread ({@code tracking}), those from other threads are handed over to it.
 */
public final class AgentDay implements CallListener, DispositionListener {
  private final Supplier<Config> config;
  private final AgentSessions sessions;
  private final Executor tracking;
  private final Memberships members;
  private final WrapUpPauser pauser;
  private final AgentStates states;
  private final QueuePauses ami;
  // Set once before events flow (several nodes), then read on the tracking thread.
  private volatile NodeAgents nodes;

  /**
   * Calls whose disposition or deadline came already (a disposition may come before the call ends).
   */
  private final Map<String, Boolean> recentlyDone =
      new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > RECENTLY_DONE;
        }
      };

  static final int RECENTLY_DONE = 10_000;

  /** {@code timers} runs the retries of failed unpauses (handed over to {@code tracking}). */
  public AgentDay(
      Supplier<Config> config,
      AgentSessions sessions,
      QueuePauses ami,
      Executor tracking,
      ScheduledExecutorService timers,
      Clock clock) {
    this(
        config,
        sessions,
        ami,
        tracking,
        (ms, r) -> {
          try {
            timers.schedule(() -> tracking.execute(r), ms, TimeUnit.MILLISECONDS);
          } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the server is stopping: nothing left to retry for
          }
        },
        clock);
  }

  AgentDay(
      Supplier<Config> config,
      AgentSessions sessions,
      QueuePauses ami,
      Executor tracking,
      WrapUpPauser.Later later,
      Clock clock) {
    this.config = config;
    this.sessions = sessions;
    this.tracking = tracking;
    this.ami = ami;
    this.members = new Memberships(config);
    this.pauser = new WrapUpPauser(config, ami, members, tracking, later);
    this.states =
        new AgentStates(
            config,
            members,
            pauser,
            agentId ->
                sessions.isConnected(agentId)
                    || (nodes != null && nodes.signedInElsewhere(agentId)),
            clock);
    pauser.onAgentChanged(states::refresh);
    states.onChange(s -> sessions.send(s.agentId(), s));
    sessions.onAttach(
        agentId ->
            tracking.execute(
                () -> {
                  if (nodes != null) {
                    nodes.signedIn(agentId, true);
                  }
                  AgentState before = states.current(agentId);
                  AgentState s = states.refresh(agentId);
                  if (s.equals(before)) {
                    sessions.send(
                        agentId,
                        s); // unchanged, so not sent by the change listener: a client always hears
                    // it
                  }
                }));
    sessions.onDetach(
        agentId ->
            tracking.execute(
                () -> {
                  if (nodes != null && !sessions.isConnected(agentId)) {
                    nodes.signedIn(agentId, false);
                  }
                  states.refresh(agentId);
                }));
  }

  /**
   * Several nodes on one database: agents signed in on other nodes count as connected, and the
   * queue member events of other nodes' links shape the states here (and this node's go to them).
   * Call before events flow, then start {@code signals}.
   */
  public void shareThrough(NodeSignals signals) {
    nodes =
        new NodeAgents(
            signals,
            tracking,
            sessions::connectedAgentIds,
            () -> members.listing(ami::here),
            this::handle,
            states::refresh);
  }

  /** Told of every state change (tracking thread; must not block), e.g. for supervisors. */
  public void onChange(Consumer<AgentState> listener) {
    states.onChange(listener);
  }

  /** Every configured agent's current state; any thread. */
  public List<AgentState> states() {
    return states.all();
  }

  /** The link's AMI user was checked (any thread). */
  public void capabilities(String server, AmiCapabilities caps) {
    tracking.execute(() -> pauser.capabilities(server, caps));
  }

  /** A call still waiting for a disposition when the server started; call before events flow. */
  public void pendingAtStart(String agentId, String callId) {
    tracking.execute(
        () -> {
          if (recentlyDone.containsKey(callId)) {
            return; // its deadline passed already (a start-up expiry handled first): nothing waits
          }
          pauser.pendingAtStart(agentId, callId);
          states.ended(agentId, callId, true);
        });
  }

  /**
   * An AMI event, on the tracking thread, before call tracking sees it; or a member event of
   * another node's link (it shapes states only: that node pauses and unpauses).
   */
  public void handle(AmiEvent e) {
    boolean here = ami.here(e.server());
    if (here && nodes != null && sharedWithNodes(e)) {
      nodes.memberEvent(e);
    }
    if (e instanceof AmiEvent.QueueMember m) {
      String agentId = members.apply(m);
      if (agentId != null) {
        if (here) {
          pauser.memberChanged(agentId, m);
        }
        if (m.change() == AmiEvent.MemberChange.STATUS && (m.status() == 1 || m.status() == 5)) {
          states.notRinging(agentId); // not in use / unavailable: the ring is over
        }
        states.refresh(agentId);
      }
    } else if (e instanceof AmiEvent.MembersListed l) {
      // Removed while the link was down: handled as if Asterisk had reported each removal.
      for (Memberships.Key k : members.missingFrom(l.server(), l.memberships())) {
        handle(
            new AmiEvent.QueueMember(
                l.server(),
                l.receivedNanos(),
                AmiEvent.MemberChange.REMOVED,
                k.queue(),
                k.iface(),
                null,
                0,
                false,
                ""));
      }
    } else if (e instanceof AmiEvent.AgentRinging r) {
      Agent a = config.get().agentForMember(r.iface(), r.memberName()).orElse(null);
      if (a != null) {
        if (r.ringing()) {
          states.ringing(a.id(), r.uniqueid());
        } else {
          states.notRinging(a.id());
        }
      }
    } else if (e instanceof AmiEvent.AgentConnect c) {
      Agent answering = config.get().agentForMember(c.iface(), c.memberName()).orElse(null);
      // The others rung for this caller stop ringing; the one who answered turns on_call with the
      // pop.
      states.callerGone(c.uniqueid(), answering == null ? null : answering.id());
    } else if (e instanceof AmiEvent.QueueAbandon a) {
      states.callerGone(a.uniqueid(), null);
    }
  }

  private static boolean sharedWithNodes(AmiEvent e) {
    return e instanceof AmiEvent.QueueMember
        || e instanceof AmiEvent.AgentRinging
        || e instanceof AmiEvent.AgentConnect
        || e instanceof AmiEvent.QueueAbandon;
  }

  @Override
  public void connected(CallRecord call, long amiReceivedNanos) {
    if (call.agentId() != null) {
      states.connected(call.agentId(), call.callId());
    }
  }

  @Override
  public void ended(CallRecord call) {
    if (call.agentId() == null) {
      return;
    }
    // Dispositioned while still up: nothing waits, so no wrap-up pause (nothing would lift it).
    boolean pending = call.connectedAtMillis() != null && !recentlyDone.containsKey(call.callId());
    pauser.callEnded(call, pending);
    states.ended(call.agentId(), call.callId(), pending);
  }

  @Override
  public void stored(String agentId, DispositionSubmit d, boolean late) {
    tracking.execute(() -> done(agentId, d.callId()));
  }

  @Override
  public void wrapUpOver(String agentId, String callId) {
    tracking.execute(() -> done(agentId, callId));
  }

  private void done(String agentId, String callId) {
    recentlyDone.put(callId, Boolean.TRUE);
    pauser.callDone(agentId, callId);
    states.done(agentId, callId);
  }

  /**
   * Whether the end of this call paused its agent in the queue until the disposition (tracking
   * thread).
   */
  public boolean forcesWrapUp(CallRecord call) {
    return pauser.holds(call);
  }

  /** For /health: forced wrap-up per link, {@code on} or {@code off: why}. */
  public Map<String, String> forcedWrapUp(List<String> servers) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String s : servers) {
      m.put(s, pauser.status(s));
    }
    return m;
  }
}
