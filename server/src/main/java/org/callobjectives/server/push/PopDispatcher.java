package org.callobjectives.server.push;

import java.util.List;
import org.callobjectives.protocol.CallEnded;
import org.callobjectives.protocol.CallStarted;
import org.callobjectives.server.dispositions.DispositionService;
import org.callobjectives.server.domain.CallListener;
import org.callobjectives.server.domain.CallOutcome;
import org.callobjectives.server.domain.CallRecord;
import org.callobjectives.server.domain.QueueCaller;
import org.callobjectives.server.domain.QueueWaitListener;
import org.callobjectives.server.store.CallStore;
import org.callobjectives.server.store.OutboxEvent;

/**
 * Where a call change goes: the row to the store's writer queue first, then the pop or the end to
 * the agent, then to the other listeners (live statistics). Runs on the call-tracking thread.
 */
public final class PopDispatcher implements CallListener {
  private final CallStore store;
  private final AgentSessions sessions;
  private final DispositionService dispositions;
  private final List<CallListener> others;
  private final PopLatency latency;
  private java.util.function.Predicate<CallRecord> forcedWrapUp = c -> false;
  private volatile java.util.function.Function<CallRecord, String> screenPop = c -> null;
  private volatile QueueWaitListener waitsToNodes = new QueueWaitListener() {};
  private final QueueWaitListener othersOnly =
      new QueueWaitListener() {
        @Override
        public void queueJoined(QueueCaller caller) {
          for (CallListener l : others) {
            l.queueJoined(caller);
          }
        }

        @Override
        public void queueLeft(QueueCaller caller) {
          for (CallListener l : others) {
            l.queueLeft(caller);
          }
        }
      };

  public PopDispatcher(
      CallStore store,
      AgentSessions sessions,
      DispositionService dispositions,
      List<CallListener> others,
      PopLatency latency) {
    this.store = store;
    this.sessions = sessions;
    this.dispositions = dispositions;
    this.others = List.copyOf(others);
    this.latency = latency;
  }

  /** Where a call's CRM screen-pop points (null for none), read when its pop is made. */
  public void screenPop(java.util.function.Function<CallRecord, String> urlOf) {
    this.screenPop = urlOf;
  }

  /** Tells which ended calls pause their agent in the queue, so that call_ended can say so. */
  public void forcedWrapUp(java.util.function.Predicate<CallRecord> test) {
    this.forcedWrapUp = test;
  }

  @Override
  public void connected(CallRecord c, long amiReceivedNanos) {
    store.upsertCall(c);
    if (c.agentId() != null) {
      sessions.callStarted(c.agentId(), pop(c, false));
      latency.record(System.nanoTime() - amiReceivedNanos);
    }
    for (CallListener l : others) {
      l.connected(c, amiReceivedNanos);
    }
  }

  @Override
  public void ended(CallRecord c) {
    boolean waits = c.agentId() != null && c.connectedAtMillis() != null;
    long deadline =
        waits ? dispositions.wrapUpStarted(c.callId(), c.agentId(), c.endedAtMillis()) : 0;
    for (CallListener l : others) {
      l.ended(c);
    }
    // After the listeners: the agent day has decided by now whether this call pauses the agent.
    boolean forced = waits && forcedWrapUp.test(c);
    store.upsertCall(c, deadline, forced);
    if (waits) {
      tellEnd(c, deadline, forced);
    }
  }

  @Override
  public void queueJoined(QueueCaller caller) {
    waitsToNodes.queueJoined(caller);
    othersOnly.queueJoined(caller);
  }

  @Override
  public void queueLeft(QueueCaller caller) {
    waitsToNodes.queueLeft(caller);
    othersOnly.queueLeft(caller);
  }

  /** This node's queue waits also go to the other nodes (PostgreSQL), through {@code to}. */
  public void shareWaits(QueueWaitListener to) {
    this.waitsToNodes = to;
  }

  /** The listeners behind this dispatcher, for queue waits other nodes tell. */
  public QueueWaitListener othersOnly() {
    return othersOnly;
  }

  /**
   * What another node tracking an AMI link told through the outbox (PostgreSQL): its agents' pops
   * and call ends go to this node's clients, and every change to this node's listeners, as if
   * tracked here. Runs on the call-tracking thread, in outbox order.
   */
  public void fromOtherNode(String kind, OutboxEvent.CallChange change) {
    CallRecord c = change.record();
    switch (kind) {
      case OutboxEvent.CALL_CONNECTED -> {
        if (sessions.holds(c.agentId(), c.callId())) {
          return; // known already (taken from the tables at start): no second pop
        }
        sessions.callStarted(c.agentId(), pop(c, false));
        for (CallListener l : others) {
          l.connected(c, System.nanoTime());
        }
      }
      case OutboxEvent.CALL_ENDED -> {
        for (CallListener l : others) {
          l.ended(c);
        }
        if (c.agentId() != null && c.connectedAtMillis() != null) {
          tellEnd(c, change.wrapUpDeadlineMillis(), change.forcedWrapUp());
        }
      }
      case OutboxEvent.CALL_UPDATED -> {
        for (CallListener l : others) {
          l.updated(c);
        }
      }
      default -> {
        // not a call change
      }
    }
  }

  /**
   * A call a previous run left open or waiting for its disposition, taken back at start: the
   * agent's client gets it again when it signs in (as a replay, never as a new pop), with its
   * wrap-up deadline. The deadline itself is kept by the node that tracks the call's link.
   */
  public void restored(CallRecord c) {
    if (c.agentId() == null || c.connectedAtMillis() == null) {
      return;
    }
    sessions.callStarted(c.agentId(), pop(c, true));
    if (c.endedAtMillis() != null) {
      tellEnd(c, dispositions.wrapUpDeadline(c.endedAtMillis()), false);
    }
  }

  /** The agent's call ended: its wrap-up deadline, and whether it holds the agent paused. */
  private void tellEnd(CallRecord c, long deadline, boolean forced) {
    sessions.callEnded(
        c.agentId(), new CallEnded(c.callId(), c.endedAtMillis(), endReason(c), deadline, forced));
  }

  private CallStarted pop(CallRecord c, boolean replay) {
    return new CallStarted(
        c.callId(),
        c.direction().wire(),
        c.queue(),
        c.callerNumber(),
        c.callerName(),
        c.connectedAtMillis(),
        c.objective(),
        c.codes(),
        replay,
        screenPop.apply(c));
  }

  /**
   * {@code completed:caller}, {@code completed:transfer}, ...; a call we lost sight of is just
   * {@code interrupted}.
   */
  static String endReason(CallRecord c) {
    if (c.outcome() == CallOutcome.INTERRUPTED) {
      return CallEnded.INTERRUPTED;
    }
    return c.outcome().name().toLowerCase(java.util.Locale.ROOT)
        + (c.endReason() == null ? "" : ":" + c.endReason());
  }

  @Override
  public void updated(CallRecord c) {
    store.upsertCall(c);
    for (CallListener l : others) {
      l.updated(c);
    }
  }
}
