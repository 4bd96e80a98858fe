package org.callobjectives.server.push;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.protocol.ChecklistProgress;
import org.callobjectives.protocol.Json;
import org.callobjectives.protocol.Message;
import org.callobjectives.server.domain.DispositionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which agent-bridge connections belong to which agent, and the pops each agent still needs (open
 * calls and calls in wrap-up), so a reconnecting client gets its current call again.
 */
public final class AgentSessions implements DispositionListener {
  private static final Logger log = LoggerFactory.getLogger(AgentSessions.class);

  private final Map<String, Set<Channel>> channels = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Pending>> pending = new ConcurrentHashMap<>();
  private final AtomicLong pushes = new AtomicLong();
  private final AtomicLong pops = new AtomicLong();
  private final AtomicLong slowClientsClosed = new AtomicLong();
  private final List<java.util.function.Consumer<String>> attachListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private record Pending(CallStarted started, CallEnded ended) {}

  /** Registers a signed-in client and sends it what it missed; atomic with respect to new pops. */
  public synchronized void attach(String agentId, Channel ch) {
    for (Message m : replayFor(agentId)) {
      write(ch, Json.write(m));
    }
    register(agentId, ch);
    attachListeners.forEach(l -> l.accept(agentId));
  }

  private final List<java.util.function.Consumer<String>> detachListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Told when an agent's last client connection closes; must not block. */
  public void onDetach(java.util.function.Consumer<String> listener) {
    detachListeners.add(listener);
  }

  /** Told each time an agent's client signs in (after its replay); must not block. */
  public void onAttach(java.util.function.Consumer<String> listener) {
    attachListeners.add(listener);
  }

  private void register(String agentId, Channel ch) {
    channels.computeIfAbsent(agentId, k -> new CopyOnWriteArraySet<>()).add(ch);
    ch.closeFuture()
        .addListener(
            f -> {
              Set<Channel> set = channels.get(agentId);
              if (set != null && set.remove(ch) && set.isEmpty()) {
                detachListeners.forEach(l -> l.accept(agentId));
              }
            });
  }

  public int connectedAgents() {
    int n = 0;
    for (Set<Channel> s : channels.values()) {
      if (!s.isEmpty()) {
        n++;
      }
    }
    return n;
  }

  /** The agents with at least one client signed in here. */
  public java.util.Set<String> connectedAgentIds() {
    java.util.Set<String> out = new java.util.HashSet<>();
    channels.forEach(
        (id, set) -> {
          if (!set.isEmpty()) {
            out.add(id);
          }
        });
    return out;
  }

  public boolean isConnected(String agentId) {
    Set<Channel> s = channels.get(agentId);
    return s != null && !s.isEmpty();
  }

  /** Every message written to an agent's client (pops, call ends, acks, figures, ...). */
  public long pushes() {
    return pushes.get();
  }

  /** New pops handed to a connected client (not replays after a reconnect). */
  public long pops() {
    return pops.get();
  }

  public long slowClientsClosed() {
    return slowClientsClosed.get();
  }

  private final List<java.util.function.BiConsumer<String, ChecklistProgress>> tickListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Told of each checklist tick an agent's client reports on one of that agent's own calls. */
  public void onChecklistProgress(java.util.function.BiConsumer<String, ChecklistProgress> l) {
    tickListeners.add(l);
  }

  /**
   * An agent's client reports its ticks; a call that is not (or no longer) the agent's is ignored:
   * true if it was taken.
   */
  public boolean checklistProgress(String agentId, ChecklistProgress p) {
    if (p.callId() == null || p.done().size() > 200 || !holds(agentId, p.callId())) {
      return false;
    }
    for (var l : tickListeners) {
      l.accept(agentId, p);
    }
    toOtherNodes.accept(agentId, p);
    return true;
  }

  /** Ticks another node's client reported (that node checked the call was the agent's). */
  public void checklistFromOtherNode(String agentId, ChecklistProgress p) {
    for (var l : tickListeners) {
      l.accept(agentId, p);
    }
  }

  /** Where this node's ticks go for the other nodes (PostgreSQL). */
  public void shareTicks(java.util.function.BiConsumer<String, ChecklistProgress> relay) {
    this.toOtherNodes = relay;
  }

  private volatile java.util.function.BiConsumer<String, ChecklistProgress> toOtherNodes =
      (a, p) -> {};

  /** Whether the agent's client is still to hear of this call (open or in wrap-up). */
  public synchronized boolean holds(String agentId, String callId) {
    Map<String, Pending> m = pending.get(agentId);
    return m != null && m.containsKey(callId);
  }

  /** Pop for a call that just connected. */
  public synchronized void callStarted(String agentId, CallStarted pop) {
    pending
        .computeIfAbsent(agentId, k -> new LinkedHashMap<>())
        .put(pop.callId(), new Pending(pop, null));
    if (!pop.replay() && isConnected(agentId)) {
      pops.incrementAndGet();
    }
    send(agentId, pop);
  }

  public synchronized void callEnded(String agentId, CallEnded end) {
    Map<String, Pending> m = pending.get(agentId);
    if (m != null) {
      Pending p = m.get(end.callId());
      if (p != null) {
        m.put(end.callId(), new Pending(p.started(), end));
      }
    }
    send(agentId, end);
  }

  /** The call needs nothing more from the agent (disposition stored or wrap-up over). */
  @Override
  public void settled(String agentId, String callId) {
    done(agentId, callId);
  }

  public synchronized void done(String agentId, String callId) {
    Map<String, Pending> m = pending.get(agentId);
    if (m != null) {
      m.remove(callId);
      if (m.isEmpty()) {
        pending.remove(agentId);
      }
    }
  }

  /** What a (re)connecting client must see again, in order. */
  synchronized List<Message> replayFor(String agentId) {
    List<Message> out = new ArrayList<>();
    {
      Map<String, Pending> m = pending.get(agentId);
      if (m == null) {
        return out;
      }
      for (Pending p : m.values()) {
        out.add(p.started().asReplay());
        if (p.ended() != null) {
          out.add(p.ended());
        }
      }
    }
    return out;
  }

  public void send(String agentId, Message m) {
    Set<Channel> set = channels.get(agentId);
    if (set == null || set.isEmpty()) {
      return;
    }
    String json = Json.write(m);
    for (Channel ch : set) {
      write(ch, json);
    }
  }

  /**
   * Writes without waiting; a client that stopped reading is cut off rather than slowing others.
   */
  void write(Channel ch, String json) {
    if (!ch.isWritable()) {
      slowClientsClosed.incrementAndGet();
      log.warn(
          "agent client {} is not reading (outbound buffer full): closing it", ch.remoteAddress());
      ch.close();
      return;
    }
    pushes.incrementAndGet();
    ch.writeAndFlush(new TextWebSocketFrame(json))
        .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
  }
}
