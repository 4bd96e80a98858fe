package org.callobjectives.server.ami;

import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberPausedEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.QueueMemberStatusEvent;
import org.asteriskjava.manager.event.SoftHangupRequestEvent;

/**
 * Copies the fields call tracking needs out of an Asterisk-Java event; null for events we ignore
 * and for events missing the fields that identify a call (counted as malformed).
 */
public final class AmiEventTranslator {
  private final String server;
  private final java.util.concurrent.atomic.AtomicLong malformed =
      new java.util.concurrent.atomic.AtomicLong();

  public AmiEventTranslator(String server) {
    this.server = server;
  }

  public long malformed() {
    return malformed.get();
  }

  /** A caller QueueStatus found waiting at login, as a join that happened {@code Wait} ago. */
  public AmiEvent entry(long now, org.asteriskjava.manager.event.QueueEntryEvent e) {
    AmiEvent a =
        new AmiEvent.QueueJoin(
            server,
            now,
            e.getQueue(),
            e.getUniqueId(),
            null,
            e.getChannel(),
            known(e.getCallerIdNum() != null ? e.getCallerIdNum() : e.getCallerId()),
            known(e.getCallerIdName()),
            e.getWait() == null ? 0 : Math.max(0, e.getWait()),
            true);
    return complete(a) ? a : null;
  }

  public AmiEvent translate(ManagerEvent e, long now) {
    AmiEvent a = copy(e, now);
    if (a != null && !complete(a)) {
      malformed.incrementAndGet();
      return null;
    }
    return a;
  }

  /** The fields without which an event cannot be tied to a call. */
  static boolean complete(AmiEvent a) {
    if (a instanceof AmiEvent.AgentConnect c) {
      return has(c.queue()) && has(c.uniqueid()) && (has(c.iface()) || has(c.memberName()));
    }
    if (a instanceof AmiEvent.AgentComplete c) {
      return has(c.queue()) && (has(c.iface()) || has(c.memberName()));
    }
    if (a instanceof AmiEvent.QueueJoin j) {
      return has(j.queue()) && has(j.uniqueid());
    }
    if (a instanceof AmiEvent.QueueAbandon q) {
      return has(q.queue()) && has(q.uniqueid());
    }
    if (a instanceof AmiEvent.QueueLeave q) {
      return has(q.queue()) && has(q.uniqueid());
    }
    if (a instanceof AmiEvent.DialEnd d) {
      return has(d.destUniqueid());
    }
    if (a instanceof AmiEvent.Hangup h) {
      return has(h.uniqueid());
    }
    if (a instanceof AmiEvent.QueueMember m) {
      return has(m.queue()) && has(m.iface());
    }
    if (a instanceof AmiEvent.AgentRinging r) {
      return has(r.iface()) || has(r.memberName());
    }
    return true;
  }

  private static boolean has(String s) {
    return s != null && !s.isBlank();
  }

  private AmiEvent copy(ManagerEvent e, long now) {
    if (e instanceof AgentConnectEvent c) {
      return new AmiEvent.AgentConnect(
          server,
          now,
          c.getQueue(),
          c.getUniqueId(),
          c.getLinkedId(),
          c.getChannel(),
          known(c.getCallerIdNum()),
          known(c.getCallerIdName()),
          c.getDestUniqueId(),
          c.getDestChannel(),
          c.getInterface(),
          c.getMemberName(),
          nz(c.getHoldTime()));
    }
    if (e instanceof AgentCompleteEvent c) {
      return new AmiEvent.AgentComplete(
          server,
          now,
          c.getQueue(),
          c.getUniqueId(),
          c.getLinkedId(),
          known(c.getCallerIdNum()),
          known(c.getCallerIdName()),
          c.getDestUniqueId(),
          c.getDestChannel(),
          c.getInterface(),
          c.getMemberName(),
          nz(c.getHoldTime()),
          nz(c.getTalkTime()),
          c.getReason());
    }
    if (e instanceof QueueCallerJoinEvent j) {
      return new AmiEvent.QueueJoin(
          server,
          now,
          j.getQueue(),
          j.getUniqueId(),
          j.getLinkedId(),
          j.getChannel(),
          known(j.getCallerIdNum()),
          known(j.getCallerIdName()));
    }
    if (e instanceof org.asteriskjava.manager.event.QueueCallerLeaveEvent l) {
      return new AmiEvent.QueueLeave(server, now, l.getQueue(), l.getUniqueId());
    }
    if (e instanceof QueueCallerAbandonEvent a) {
      return new AmiEvent.QueueAbandon(
          server,
          now,
          a.getQueue(),
          a.getUniqueId(),
          a.getLinkedId(),
          known(a.getCallerIdNum()),
          known(a.getCallerIdName()),
          a.getHoldTime() == null ? 0 : a.getHoldTime());
    }
    if (e instanceof DialBeginEvent d) {
      return new AmiEvent.DialBegin(
          server,
          now,
          d.getUniqueId(),
          d.getLinkedId(),
          d.getChannel(),
          d.getDestUniqueId(),
          d.getDestChannel(),
          d.getDialString());
    }
    if (e instanceof DialEndEvent d) {
      return new AmiEvent.DialEnd(
          server, now, d.getUniqueId(), d.getDestUniqueId(), d.getDialStatus());
    }
    if (e instanceof HangupEvent h) {
      return new AmiEvent.Hangup(
          server, now, h.getUniqueId(), h.getChannel(), h.getCause() == null ? 0 : h.getCause());
    }
    if (e instanceof HangupRequestEvent h) {
      return new AmiEvent.HangupRequest(server, now, h.getUniqueId(), h.getChannel());
    }
    if (e instanceof SoftHangupRequestEvent h) {
      return new AmiEvent.HangupRequest(server, now, h.getUniqueId(), h.getChannel());
    }
    if (e instanceof BridgeLeaveEvent b && b.getUniqueId() != null) {
      return new AmiEvent.BridgeLeave(server, now, b.getUniqueId(), b.getChannel());
    }
    if (e instanceof QueueMemberStatusEvent m) {
      return member(now, AmiEvent.MemberChange.STATUS, m);
    }
    if (e instanceof QueueMemberPausedEvent p) {
      String reason =
          p instanceof org.asteriskjava.manager.event.QueueMemberPauseEvent pe
                  && pe.getPausedreason() != null
              ? pe.getPausedreason()
              : p.getReason();
      return new AmiEvent.QueueMember(
          server,
          now,
          AmiEvent.MemberChange.PAUSE,
          p.getQueue(),
          p.getInterface(),
          p.getMemberName(),
          0,
          Boolean.TRUE.equals(p.getPaused()),
          reason == null ? "" : reason);
    }
    if (e instanceof QueueMemberAddedEvent m) {
      return new AmiEvent.QueueMember(
          server,
          now,
          AmiEvent.MemberChange.ADDED,
          m.getQueue(),
          m.getInterface(),
          m.getMemberName(),
          m.getStatus() == null ? 0 : m.getStatus(),
          Boolean.TRUE.equals(m.getPaused()),
          m.getPausedReason() == null ? "" : m.getPausedReason());
    }
    if (e instanceof QueueMemberRemovedEvent m) {
      return new AmiEvent.QueueMember(
          server,
          now,
          AmiEvent.MemberChange.REMOVED,
          m.getQueue(),
          m.getInterface(),
          m.getMemberName(),
          0,
          false,
          "");
    }
    if (e instanceof AgentCalledEvent c) {
      return new AmiEvent.AgentRinging(
          server,
          now,
          c.getQueue(),
          c.getUniqueId(),
          c.getInterface() != null ? c.getInterface() : c.getAgentCalled(),
          c.getMemberName(),
          true);
    }
    if (e instanceof AgentRingNoAnswerEvent r) {
      return new AmiEvent.AgentRinging(
          server, now, r.getQueue(), r.getUniqueId(), r.getInterface(), r.getMemberName(), false);
    }
    if (e instanceof ConnectEvent) {
      return new AmiEvent.LinkUp(server, now);
    }
    if (e instanceof DisconnectEvent) {
      return new AmiEvent.LinkDown(server, now);
    }
    return null;
  }

  /** A QueueMemberStatus event, or a QueueMember listed by QueueStatus ({@code change} LISTED). */
  AmiEvent.QueueMember member(long now, AmiEvent.MemberChange change, QueueMemberEvent m) {
    String iface = m.getInterface() != null ? m.getInterface() : m.getLocation();
    String name = m.getMemberName() != null ? m.getMemberName() : m.getName();
    return new AmiEvent.QueueMember(
        server,
        now,
        change,
        m.getQueue(),
        iface,
        name,
        m.getStatus() == null ? 0 : m.getStatus(),
        Boolean.TRUE.equals(m.getPaused()),
        m.getPausedreason() == null ? "" : m.getPausedreason());
  }

  /** Asterisk writes {@code <unknown>} where a caller id is not set. */
  static String known(String s) {
    return s == null || s.isEmpty() || "<unknown>".equals(s) ? null : s;
  }

  private static long nz(Long v) {
    return v == null ? 0 : v;
  }
}
