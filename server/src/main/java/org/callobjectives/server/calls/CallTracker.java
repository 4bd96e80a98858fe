package org.callobjectives.server.calls;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.callobjectives.server.ami.AmiEvent;
import org.callobjectives.server.config.Agent;
import org.callobjectives.server.config.Config;
import org.callobjectives.server.domain.CallListener;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.Direction;
import org.callobjectives.server.domain.QueueCaller;
import org.callobjectives.server.objectives.ObjectiveResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns AMI events into call legs: queue calls connect on AgentConnect, agent-dialled calls on
 * DialEnd ANSWER; legs end on AgentComplete or the hang-up of either side, whichever comes first.
 * Keyed by AMI link + Uniqueid, never by channel name (names repeat after an Asterisk restart).
 * Single-threaded by design: only the call-tracking thread calls {@link #handle}.
 */
public final class CallTracker {
  private static final Logger log = LoggerFactory.getLogger(CallTracker.class);
  private static final int RECENT_LIMIT = 10_000;

  private final Supplier<Config> config;
  private final ObjectiveResolver resolver;
  private final CallListener listener;
  private final Clock clock;
  private final java.util.function.BiConsumer<String, Integer> resyncRequest;

  private final Map<String, Wait> waits = new HashMap<>();

  /** Waits that ended lately: a QueueStatus list read meanwhile must not bring them back. */
  private final LinkedHashMap<String, Boolean> recentlyGone =
      new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> e) {
          return size() > 2_000;
        }
      };

  private final Map<String, Leg> byOther = new HashMap<>();
  private final Map<String, List<Leg>> byCaller = new HashMap<>();
  private final Map<String, Leg> byBase = new HashMap<>();
  private final Map<String, Dial> dials = new HashMap<>();
  private final Map<String, Integer> queueLinkedids = new HashMap<>();
  private final Map<String, Integer> epochs = new HashMap<>();
  private final Set<String> warnedMembers = new HashSet<>();

  /**
   * Call ids given out lately: a caller who comes back to the same member in the same queue gets a
   * new one.
   */
  private final LinkedHashMap<String, Boolean> usedIds =
      new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> e) {
          return size() > RECENT_LIMIT;
        }
      };

  private final LinkedHashMap<String, Leg> recent =
      new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Leg> e) {
          return size() > RECENT_LIMIT;
        }
      };

  public CallTracker(
      Supplier<Config> config,
      ObjectiveResolver resolver,
      CallListener listener,
      Clock clock,
      java.util.function.BiConsumer<String, Integer> resyncRequest) {
    this.config = config;
    this.resolver = resolver;
    this.listener = listener;
    this.clock = clock;
    this.resyncRequest = resyncRequest;
  }

  /**
   * A caller in a queue; kept after QueueCallerLeave ({@code left}) because AgentConnect comes
   * right after it and needs the join time and caller.
   */
  private record Wait(
      String key,
      String server,
      String queue,
      String uniqueid,
      String linkedid,
      String callerNum,
      String callerName,
      long joinedAt,
      long seenNanos,
      int epoch,
      boolean left) {
    QueueCaller caller() {
      return new QueueCaller(key, server, queue, callerNum, callerName, joinedAt);
    }

    Wait leaving() {
      return new Wait(
          key,
          server,
          queue,
          uniqueid,
          linkedid,
          callerNum,
          callerName,
          joinedAt,
          seenNanos,
          epoch,
          true);
    }
  }

  private record Dial(
      Agent agent,
      String agentUniqueid,
      String linkedid,
      String channel,
      String destUniqueid,
      String destChannel,
      String number,
      long startedAt,
      int epoch) {}

  public void handle(AmiEvent e) {
    try {
      if (e instanceof AmiEvent.QueueJoin j) {
        onQueueJoin(j);
      } else if (e instanceof AmiEvent.AgentConnect c) {
        onAgentConnect(c);
      } else if (e instanceof AmiEvent.AgentComplete c) {
        onAgentComplete(c);
      } else if (e instanceof AmiEvent.QueueAbandon a) {
        onAbandon(a);
      } else if (e instanceof AmiEvent.QueueLeave q) {
        leftQueue(waits.get(key(q.server(), q.uniqueid()) + "@" + q.queue()));
      } else if (e instanceof AmiEvent.WaitersListed w) {
        onWaitersListed(w);
      } else if (e instanceof AmiEvent.DialBegin d) {
        onDialBegin(d);
      } else if (e instanceof AmiEvent.DialEnd d) {
        onDialEnd(d);
      } else if (e instanceof AmiEvent.HangupRequest h) {
        onHangupRequest(h);
      } else if (e instanceof AmiEvent.Hangup h) {
        onHangup(h);
      } else if (e instanceof AmiEvent.BridgeLeave b) {
        onBridgeLeave(b);
      } else if (e instanceof AmiEvent.LinkUp u) {
        onLinkUp(u);
      } else if (e instanceof AmiEvent.LinkDown d) {
        log.warn("AMI link {} lost; calls stay open until it is back and resynced", d.server());
      } else if (e instanceof AmiEvent.LiveChannels l) {
        onLiveChannels(l);
      }
    } catch (RuntimeException ex) {
      // One odd event must never stop call tracking for everyone else.
      log.error("could not process AMI event {}", e, ex);
    }
  }

  /** Open legs, for tests and the supervisor view; call only on the tracking thread. */
  public List<CallRecord> openCalls() {
    List<CallRecord> out = new ArrayList<>();
    Set<Leg> seen = new HashSet<>(byOther.values());
    for (Leg l : seen) {
      out.add(l.record());
    }
    return out;
  }

  private static String key(String server, String uniqueid) {
    return server + ":" + uniqueid;
  }

  private int epoch(String server) {
    return epochs.getOrDefault(server, 0);
  }

  private long now() {
    return clock.millis();
  }

  private void onQueueJoin(AmiEvent.QueueJoin j) {
    String ck = key(j.server(), j.uniqueid());
    String listedKey = ck + "@" + j.queue();
    if (j.listed()
        && (waits.containsKey(listedKey)
            || byCaller.containsKey(ck)
            || recentlyGone.containsKey(listedKey))) {
      // The login's list is read while events go on: what the events said since is newer.
      return;
    }
    // A caller re-entering a queue while bridged to an agent was redirected or transferred:
    // the first agent's leg is over even if Asterisk's AgentComplete for it comes much later.
    for (Leg l : List.copyOf(byCaller.getOrDefault(ck, List.of()))) {
      end(l, CallOutcome.COMPLETED, "transfer", false);
    }
    String wk = ck + "@" + j.queue();
    Wait before = waits.get(wk);
    Wait w =
        new Wait(
            wk,
            j.server(),
            j.queue(),
            j.uniqueid(),
            j.linkedid() != null ? j.linkedid() : before == null ? null : before.linkedid(),
            j.callerNum(),
            j.callerName(),
            before != null && !before.left() && j.waitedSeconds() > 0
                ? before.joinedAt() // listed at login while we knew it: our own time is better
                : now() - j.waitedSeconds() * 1000,
            j.receivedNanos(),
            epoch(j.server()),
            false);
    waits.put(wk, w);
    listener.queueJoined(w.caller());
    if (j.linkedid() != null) {
      queueLinkedids.put(key(j.server(), j.linkedid()), epoch(j.server()));
    }
  }

  private void onAgentConnect(AmiEvent.AgentConnect c) {
    Wait w = waits.remove(key(c.server(), c.uniqueid()) + "@" + c.queue());
    leftQueue(w);
    String other = c.memberUniqueid() != null ? c.memberUniqueid() : c.uniqueid() + "/" + c.iface();
    String ok = key(c.server(), other);
    if (byOther.containsKey(ok)) {
      return;
    }
    String callId = newCallId(queueCallId(c.server(), c.uniqueid(), c.iface(), c.memberName()));
    Agent agent = config.get().agentForMember(c.iface(), c.memberName()).orElse(null);
    if (agent == null && warnedMembers.add(c.iface() + "|" + c.memberName())) {
      log.warn(
          "queue member {} ({}) is not an agent in agents.yaml: its calls are recorded but not popped",
          c.memberName(),
          c.iface());
    }
    String num = c.callerNum() != null ? c.callerNum() : w == null ? null : w.callerNum();
    String name = c.callerName() != null ? c.callerName() : w == null ? null : w.callerName();
    long now = now();
    ObjectiveResolver.Resolution r =
        agent == null ? null : resolver.forQueueCall(c.queue(), agent, num);
    Leg l =
        Leg.builder(callId, c.server(), Direction.INBOUND)
            .queue(c.queue())
            .agent(agent)
            .caller(num, name, c.linkedid())
            .uniqueids(c.uniqueid(), other)
            .channels(c.iface(), base(c.server(), c.memberChannel()), base(c.server(), c.channel()))
            .times(w != null ? w.joinedAt() : now - c.holdSeconds() * 1000, now)
            .resolution(r)
            .epoch(epoch(c.server()))
            .build();
    l.holdSeconds = c.holdSeconds();
    index(l);
    listener.connected(l.record(), c.receivedNanos());
  }

  private void onAgentComplete(AmiEvent.AgentComplete c) {
    Leg l = findForComplete(c);
    if (l == null) {
      orphanComplete(c);
      return;
    }
    if (l.outcome == CallOutcome.CONNECTED) {
      l.talkSeconds = c.talkSeconds();
      end(l, CallOutcome.COMPLETED, c.reason(), true);
      return;
    }
    if (l.reasonFromAsterisk) {
      return;
    }
    l.reasonFromAsterisk = true;
    if ("transfer".equals(l.endReason) && !"transfer".equals(c.reason())) {
      // After a redirect Asterisk sends this leg's AgentComplete only when the caller finally hangs
      // up, saying "caller" and counting the talk time in the next queue: our end at the redirect
      // stands.
      return;
    }
    // Already ended by a hang-up, a transfer or a resync: Asterisk's word on how and how long is
    // better
    // than ours. An interrupted call becomes completed; the agent already has it, so no new pop.
    l.outcome = CallOutcome.COMPLETED;
    l.endReason = c.reason();
    l.talkSeconds = c.talkSeconds();
    listener.updated(l.record());
  }

  private Leg findForComplete(AmiEvent.AgentComplete c) {
    if (c.memberUniqueid() != null) {
      String ok = key(c.server(), c.memberUniqueid());
      Leg l = byOther.get(ok);
      if (l == null) {
        l = recent.get(ok);
      }
      if (l != null) {
        return l;
      }
    }
    if (c.uniqueid() != null) {
      Leg l = matchQueueLeg(byCaller.getOrDefault(key(c.server(), c.uniqueid()), List.of()), c);
      if (l != null) {
        return l;
      }
    }
    // No member snapshot (and maybe no caller snapshot): the leg this member had in this queue.
    Leg best = matchQueueLeg(byOther.values(), c);
    if (best == null) {
      best = matchQueueLeg(recent.values(), c);
    }
    return best;
  }

  private Leg matchQueueLeg(Iterable<Leg> legs, AmiEvent.AgentComplete c) {
    Leg best = null;
    for (Leg l : legs) {
      if (!l.server.equals(c.server())
          || l.direction != Direction.INBOUND
          || !c.queue().equals(l.queue)
          || l.reasonFromAsterisk) {
        continue;
      }
      if (c.uniqueid() != null && !c.uniqueid().equals(l.callerUniqueid)) {
        continue;
      }
      boolean sameMember =
          c.iface() != null && l.iface != null
              ? c.iface().equalsIgnoreCase(l.iface)
              : l.agent != null
                  && config
                      .get()
                      .agentForMember(c.iface(), c.memberName())
                      .map(a -> a.id().equals(l.agent.id()))
                      .orElse(false);
      if (sameMember && (best == null || l.connectedAt > best.connectedAt)) {
        best = l;
      }
    }
    return best;
  }

  /**
   * An AgentComplete for a call whose start we never saw (the AMI link was down): record it late.
   */
  private void orphanComplete(AmiEvent.AgentComplete c) {
    Agent agent = config.get().agentForMember(c.iface(), c.memberName()).orElse(null);
    String other =
        c.memberUniqueid() != null
            ? c.memberUniqueid()
            : (c.uniqueid() != null ? c.uniqueid() : "orphan-" + c.receivedNanos())
                + "/"
                + c.iface();
    String ok = key(c.server(), other);
    String callId =
        newCallId(
            c.uniqueid() != null
                ? queueCallId(c.server(), c.uniqueid(), c.iface(), c.memberName())
                : ok);
    long now = now();
    long connectedAt = now - c.talkSeconds() * 1000;
    ObjectiveResolver.Resolution r =
        agent == null ? null : resolver.forQueueCall(c.queue(), agent, c.callerNum());
    Leg l =
        Leg.builder(callId, c.server(), Direction.INBOUND)
            .queue(c.queue())
            .agent(agent)
            .caller(c.callerNum(), c.callerName(), c.linkedid())
            .uniqueids(c.uniqueid(), other)
            .channels(c.iface(), base(c.server(), c.memberChannel()), null)
            .times(connectedAt - c.holdSeconds() * 1000, connectedAt)
            .resolution(r)
            .epoch(epoch(c.server()))
            .build();
    l.holdSeconds = c.holdSeconds();
    l.talkSeconds = c.talkSeconds();
    log.info(
        "AgentComplete for {} in {} without its start (AMI link was down): recording it late",
        c.memberName(),
        c.queue());
    index(l);
    listener.connected(l.record(), c.receivedNanos());
    end(l, CallOutcome.COMPLETED, c.reason(), true);
  }

  private void onAbandon(AmiEvent.QueueAbandon a) {
    String ck = key(a.server(), a.uniqueid());
    Wait w = waits.remove(ck + "@" + a.queue());
    leftQueue(w);
    Duration maxWait = config.get().queue(a.queue()).map(q -> q.maxWait()).orElse(Duration.ZERO);
    boolean timedOut = !maxWait.isZero() && a.holdSeconds() >= maxWait.toSeconds();
    long now = now();
    Leg l =
        Leg.builder(ck + "@" + a.queue(), a.server(), Direction.INBOUND)
            .queue(a.queue())
            .caller(
                a.callerNum() != null ? a.callerNum() : w == null ? null : w.callerNum(),
                a.callerName() != null ? a.callerName() : w == null ? null : w.callerName(),
                a.linkedid() != null ? a.linkedid() : w == null ? null : w.linkedid())
            .uniqueids(a.uniqueid(), null)
            .times(w != null ? w.joinedAt() : now - a.holdSeconds() * 1000, null)
            .epoch(epoch(a.server()))
            .build();
    l.holdSeconds = a.holdSeconds();
    l.outcome = timedOut ? CallOutcome.TIMED_OUT : CallOutcome.ABANDONED;
    l.endReason = timedOut ? "timeout" : "caller";
    l.endedAt = now;
    recent.put(l.callId, l);
    listener.ended(l.record());
  }

  private void onDialBegin(AmiEvent.DialBegin d) {
    if (d.channel() == null || d.destUniqueid() == null) {
      return; // an Originate's own dial has no calling channel
    }
    Agent agent = config.get().agentForDevice(d.channel()).orElse(null);
    if (agent == null) {
      return;
    }
    if (d.linkedid() != null && queueLinkedids.containsKey(key(d.server(), d.linkedid()))) {
      return; // part of a queue call (e.g. a Local member leg dialling the agent's phone)
    }
    if (byBase.containsKey(base(d.server(), d.channel()))) {
      return; // the agent is already on a tracked call and this channel is part of it
    }
    dials.put(
        key(d.server(), d.destUniqueid()),
        new Dial(
            agent,
            d.uniqueid(),
            d.linkedid(),
            d.channel(),
            d.destUniqueid(),
            d.destChannel(),
            number(d.dialString(), d.destChannel()),
            now(),
            epoch(d.server())));
  }

  private void onDialEnd(AmiEvent.DialEnd d) {
    if (d.destUniqueid() == null) {
      return;
    }
    Dial dial = dials.remove(key(d.server(), d.destUniqueid()));
    if (dial == null || !"ANSWER".equalsIgnoreCase(d.status())) {
      return;
    }
    long now = now();
    ObjectiveResolver.Resolution r = resolver.forOutbound(dial.agent(), dial.number());
    Leg l =
        Leg.builder(newCallId(key(d.server(), dial.destUniqueid())), d.server(), Direction.OUTBOUND)
            .agent(dial.agent())
            .caller(dial.number(), null, dial.linkedid())
            .uniqueids(dial.agentUniqueid(), dial.destUniqueid())
            .channels(null, base(d.server(), dial.channel()), base(d.server(), dial.destChannel()))
            .times(dial.startedAt(), now)
            .resolution(r)
            .epoch(epoch(d.server()))
            .build();
    index(l);
    listener.connected(l.record(), d.receivedNanos());
  }

  private void onHangupRequest(AmiEvent.HangupRequest h) {
    String b = base(h.server(), h.channel());
    Leg l = b == null ? null : byBase.get(b);
    if (l != null && l.firstHangupSide == null) {
      l.firstHangupSide =
          b.equals(l.agentBase)
              ? "agent"
              : l.direction == Direction.OUTBOUND ? "customer" : "caller";
    }
  }

  private void onHangup(AmiEvent.Hangup h) {
    String k = key(h.server(), h.uniqueid());
    removeWaits(w -> w.key().startsWith(k + "@"));
    dials.remove(k);
    Leg l = byOther.get(k);
    if (l != null) {
      String fallback = l.direction == Direction.OUTBOUND ? "customer" : "agent";
      String side =
          l.callerLeftAt != null
              ? "transfer"
              : l.firstHangupSide != null ? l.firstHangupSide : fallback;
      end(l, CallOutcome.COMPLETED, side, false);
    }
    for (Leg c : List.copyOf(byCaller.getOrDefault(k, List.of()))) {
      String fallback = c.direction == Direction.OUTBOUND ? "agent" : "caller";
      end(
          c,
          CallOutcome.COMPLETED,
          c.firstHangupSide != null ? c.firstHangupSide : fallback,
          false);
    }
    queueLinkedids.remove(k);
  }

  /**
   * Every login, the first one too, asks Asterisk which channels are up: calls restored from the
   * store after a restart and calls open across a link drop are kept or closed by the answer.
   */
  private void onLinkUp(AmiEvent.LinkUp u) {
    log.info("AMI link {} is up: resynchronising open calls", u.server());
    requestResync(u.server());
  }

  /**
   * Asks the link which channels are alive (after a reconnect, after dropped events, and now and
   * then anyway): whatever was tracked before this request and is not alive any more is closed.
   */
  public void requestResync(String server) {
    int e = epochs.merge(server, 1, Integer::sum);
    resyncRequest.accept(server, e);
  }

  /** Calls from before the resync request are kept if any of their channels is still alive. */
  private void onLiveChannels(AmiEvent.LiveChannels live) {
    int asked = live.epoch();
    Set<String> alive = live.uniqueids();
    int closed = 0;
    for (Leg l : new HashSet<>(byOther.values())) {
      if (!l.server.equals(live.server()) || l.epoch >= asked) {
        continue;
      }
      if (stillUp(l, alive)) {
        l.epoch = asked;
      } else {
        end(l, CallOutcome.INTERRUPTED, "lost", false);
        closed++;
      }
    }
    String prefix = live.server() + ":";
    removeWaits(
        w -> w.key().startsWith(prefix) && w.epoch() < asked && !alive.contains(w.uniqueid()));
    dials
        .entrySet()
        .removeIf(
            d ->
                d.getKey().startsWith(prefix)
                    && d.getValue().epoch() < asked
                    && !alive.contains(d.getValue().destUniqueid()));
    queueLinkedids
        .entrySet()
        .removeIf(
            q ->
                q.getKey().startsWith(prefix)
                    && q.getValue() < asked
                    && !alive.contains(q.getKey().substring(prefix.length())));
    if (closed > 0 || log.isDebugEnabled()) {
      log.info(
          "AMI link {} resynced: {} live channels, {} calls closed as interrupted",
          live.server(),
          alive.size(),
          closed);
    }
  }

  /** The caller is out of the queue: told once, however many events say so. */
  private void leftQueue(Wait w) {
    if (w != null) {
      recentlyGone.put(w.key(), Boolean.TRUE);
    }
    if (w != null && !w.left()) {
      if (waits.containsKey(w.key())) {
        waits.put(w.key(), w.leaving());
      }
      listener.queueLeft(w.caller());
    }
  }

  private void removeWaits(java.util.function.Predicate<Wait> gone) {
    for (Wait w : List.copyOf(waits.values())) {
      if (gone.test(w)) {
        waits.remove(w.key());
        leftQueue(w);
      }
    }
  }

  /** QueueStatus at login: callers we think wait but Asterisk does not list have gone meanwhile. */
  private void onWaitersListed(AmiEvent.WaitersListed l) {
    removeWaits(
        w ->
            w.server().equals(l.server())
                && w.seenNanos() < l.askedNanos()
                && !l.waiting().contains(w.queue() + "|" + w.uniqueid()));
  }

  /**
   * Who left the bridge first. A caller who leaves while nobody hung up and the agent's leg is
   * still in the bridge was taken away (a Redirect or transfer): when the agent's leg then ends, or
   * the caller joins another queue, the agent's part ended at that moment (our clock, as AMI events
   * carry no time). A hang-up on the agent's side takes the agent's leg out of the bridge first.
   */
  private void onBridgeLeave(AmiEvent.BridgeLeave b) {
    String k = key(b.server(), b.uniqueid());
    Leg member = byOther.get(k);
    if (member != null) {
      member.memberLeft = true;
    }
    for (Leg l : byCaller.getOrDefault(k, List.of())) {
      if (l.direction == Direction.INBOUND
          && l.firstHangupSide == null
          && !l.memberLeft
          && l.callerLeftAt == null) {
        l.callerLeftAt = now();
      }
    }
  }

  /**
   * Takes back the calls a previous run left open (from the store), before any AMI event: they are
   * tracked again under the same id, without a new pop, and the first resync of their link keeps
   * those Asterisk still has and closes the others as interrupted. Call before events flow.
   */
  public int restore(List<CallRecord> open) {
    int n = 0;
    for (CallRecord r : open) {
      CallRecord.Channels ch = r.channels();
      usedIds.put(r.callId(), Boolean.TRUE);
      Agent agent = r.agentId() == null ? null : config.get().agent(r.agentId()).orElse(null);
      ObjectiveResolver.Resolution res =
          new ObjectiveResolver.Resolution(r.objective(), r.codes(), "restored", r.experiment());
      Leg l =
          Leg.builder(r.callId(), r.server(), r.direction())
              .queue(r.queue())
              .agent(agent)
              .caller(r.callerNumber(), r.callerName(), r.linkedid())
              .uniqueids(
                  ch == null ? null : ch.callerUniqueid(),
                  ch == null || ch.otherUniqueid() == null
                      ? "restored-" + r.callId()
                      : ch.otherUniqueid())
              .channels(
                  ch == null ? null : ch.iface(),
                  ch == null ? null : prefixed(r.server(), ch.agentChannel()),
                  ch == null ? null : prefixed(r.server(), ch.farChannel()))
              .times(r.startedAtMillis(), r.connectedAtMillis())
              .resolution(res)
              .build();
      l.holdSeconds = r.holdSeconds();
      index(l);
      if (ch == null || ch.otherUniqueid() == null) {
        // Stored by an older version without channel identities: nothing to match it with any more.
        end(l, CallOutcome.INTERRUPTED, "server_restart", false);
      }
      n++;
    }
    return n;
  }

  /**
   * Closes the calls of AMI links that are not configured any more (nothing will ever resync them).
   */
  public void closeCallsOfLinksOtherThan(Set<String> servers) {
    for (Leg l : new HashSet<>(byOther.values())) {
      if (!servers.contains(l.server)) {
        end(l, CallOutcome.INTERRUPTED, "server_restart", false);
      }
    }
    removeWaits(w -> !servers.contains(w.server()));
  }

  private static String prefixed(String server, String channel) {
    return channel == null ? null : server + ":" + channel;
  }

  /**
   * A queue call is the caller's Uniqueid with the member who took it, whatever the event it is
   * first seen in.
   */
  private static String queueCallId(
      String server, String callerUniqueid, String iface, String memberName) {
    return key(server, callerUniqueid + "/" + (iface != null ? iface : memberName));
  }

  private String newCallId(String id) {
    String candidate = id;
    for (int n = 2; usedIds.containsKey(candidate); n++) {
      candidate = id + "#" + n;
    }
    usedIds.put(candidate, Boolean.TRUE);
    return candidate;
  }

  /**
   * The agent's part is up while the agent's own leg is (queue calls: the member leg; outbound: the
   * customer leg). The caller alone may be talking to someone else by now, e.g. after a transfer.
   */
  private static boolean stillUp(Leg l, Set<String> alive) {
    boolean realOther =
        l.otherUniqueid != null
            && !l.otherUniqueid.contains("/")
            && !l.otherUniqueid.startsWith("restored-");
    return realOther ? alive.contains(l.otherUniqueid) : alive.contains(l.callerUniqueid);
  }

  /** Call ids the store already has (recent days): a new call never takes one of them over. */
  public void rememberCallIds(java.util.Collection<String> ids) {
    for (String id : ids) {
      usedIds.put(id, Boolean.TRUE);
    }
  }

  private void index(Leg l) {
    byOther.put(key(l.server, l.otherUniqueid), l);
    if (l.callerUniqueid != null) {
      byCaller.computeIfAbsent(key(l.server, l.callerUniqueid), k -> new ArrayList<>(1)).add(l);
    }
    if (l.agentBase != null) {
      byBase.put(l.agentBase, l);
    }
    if (l.farBase != null) {
      byBase.put(l.farBase, l);
    }
  }

  private void end(Leg l, CallOutcome outcome, String reason, boolean fromAsterisk) {
    if (l.outcome != CallOutcome.CONNECTED) {
      return;
    }
    l.outcome = outcome;
    l.endReason = reason;
    l.reasonFromAsterisk = fromAsterisk;
    l.endedAt = now();
    if (l.talkSeconds == 0 && l.connectedAt != null) {
      long talkEnd = !fromAsterisk && l.callerLeftAt != null ? l.callerLeftAt : l.endedAt;
      l.talkSeconds = Math.max(0, (talkEnd - l.connectedAt) / 1000);
    }
    byOther.remove(key(l.server, l.otherUniqueid), l);
    if (l.callerUniqueid != null) {
      String ck = key(l.server, l.callerUniqueid);
      List<Leg> legs = byCaller.get(ck);
      if (legs != null) {
        legs.remove(l);
        if (legs.isEmpty()) {
          byCaller.remove(ck);
        }
      }
    }
    if (l.agentBase != null) {
      byBase.remove(l.agentBase, l);
    }
    if (l.farBase != null) {
      byBase.remove(l.farBase, l);
    }
    recent.put(key(l.server, l.otherUniqueid), l);
    listener.ended(l.record());
  }

  /**
   * {@code Local/1001@agents-00000001;2} and {@code ;1} are one call's two halves: strip the half.
   */
  private static String base(String server, String channel) {
    if (channel == null) {
      return null;
    }
    int semi = channel.lastIndexOf(';');
    return server + ":" + (semi > 0 ? channel.substring(0, semi) : channel);
  }

  /**
   * The dialled number: {@code 15559870001@customers}, {@code PJSIP/15559870001@trunk}, {@code
   * trunk/155...}.
   */
  static String number(String dialString, String destChannel) {
    String s = dialString;
    if (s == null || s.isBlank()) {
      s = destChannel;
    }
    if (s == null) {
      return null;
    }
    int slash = s.lastIndexOf('/');
    if (slash >= 0) {
      s = s.substring(slash + 1);
    }
    int at = s.indexOf('@');
    if (at >= 0) {
      s = s.substring(0, at);
    }
    return s.replaceFirst("-[0-9a-fA-F]{8}(;[12])?$", "");
  }
}
