package org.callobjectives.server.dispositions;

import java.util.List;
import java.util.function.Supplier;
import org.callobjectives.server.domain.DispositionListener;
import org.callobjectives.server.store.OutboxDispatcher;
import org.callobjectives.server.store.OutboxEvent;

/**
 * Dispositions and missed wrap-ups that other nodes on the same database stored, told to this
 * node's listeners (live figures, the chain of advances, agent states) as if stored here. Rows this
 * node wrote were told when they were stored.
 */
final class OtherNodes implements OutboxDispatcher.Consumer {
  private final String self;
  private final Supplier<List<DispositionListener>> listeners;

  OtherNodes(String self, Supplier<List<DispositionListener>> listeners) {
    this.self = self;
    this.listeners = listeners;
  }

  @Override
  public void deliver(OutboxEvent e) {
    if (self.equals(e.origin())) {
      return;
    }
    switch (e.kind()) {
      case OutboxEvent.DISPOSITION -> {
        OutboxEvent.Disposition d = e.body(OutboxEvent.Disposition.class);
        for (DispositionListener l : listeners.get()) {
          l.stored(d.agentId(), d.disposition(), d.late());
        }
        for (DispositionListener l : listeners.get()) {
          l.settled(d.agentId(), e.callId());
        }
      }
      case OutboxEvent.UNDISPOSED -> {
        OutboxEvent.Undisposed u = e.body(OutboxEvent.Undisposed.class);
        for (DispositionListener l : listeners.get()) {
          l.undisposed(u.agentId(), u.callId());
        }
        for (DispositionListener l : listeners.get()) {
          l.wrapUpOver(u.agentId(), u.callId());
        }
        for (DispositionListener l : listeners.get()) {
          l.settled(u.agentId(), u.callId());
        }
      }
      default -> {
        // Call ends travel with the call events; other kinds are for other readers.
      }
    }
  }
}
