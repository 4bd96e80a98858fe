package org.callobjectives.server.stats;

import java.util.List;
import java.util.Set;
import org.callobjectives.protocol.DispositionCode;
import org.callobjectives.server.goals.Slot;
import org.callobjectives.server.store.StatsRow;
import org.callobjectives.server.store.Store;

/**
 * What the statistics know of one call leg; replaced whole on each change, so it can be un-counted
 * exactly. {@code answeredInTarget}: a queue call answered within its queue's service-level
 * threshold (decided when the fact is made, with the threshold then configured).
 */
record CallFact(
    String callId,
    Slot slot,
    StatsKey key,
    String objectiveTitle,
    String callerNumber,
    String callerName,
    String outcome,
    boolean connected,
    long talkSeconds,
    long startedAtMillis,
    Long endedAtMillis,
    Disposition disposition,
    boolean undisposed,
    List<DispositionCode> codes,
    Set<String> requiredCompliance,
    boolean answeredInTarget) {

  /** The counted parts of a disposition. */
  record Disposition(
      String code,
      boolean advance,
      int upsellCount,
      Integer csat,
      boolean sale,
      int complianceRequired,
      int complianceDone) {}

  /** A call as SQLite holds it; UNDISPOSED is the missed wrap-up, not a disposition. */
  static CallFact fromRow(
      StatsRow r,
      Slot slot,
      String objectiveTitle,
      Set<String> requiredCompliance,
      int serviceLevelSeconds) {
    boolean undisposed = Store.UNDISPOSED.equals(r.code());
    Disposition d =
        r.code() == null || undisposed
            ? null
            : new Disposition(
                r.code(),
                r.advance(),
                r.upsellCount(),
                r.csat(),
                r.sale(),
                r.complianceRequired(),
                r.complianceDone());
    return new CallFact(
        r.callId(),
        slot,
        new StatsKey(r.queue(), r.agentId(), r.objectiveId()),
        objectiveTitle,
        r.callerNumber(),
        r.callerName(),
        r.outcome(),
        r.connectedAtMillis() != null,
        r.talkSeconds(),
        r.startedAtMillis(),
        r.endedAtMillis(),
        d,
        undisposed,
        List.of(),
        requiredCompliance,
        r.queue() != null
            && r.connectedAtMillis() != null
            && r.holdSeconds() <= serviceLevelSeconds);
  }

  /**
   * Nothing can change this call's figures any more: it ended, and it needs no disposition or has
   * its agent's own (a missed wrap-up can still be replaced by a late one).
   */
  boolean settled() {
    return endedAtMillis != null && (disposition != null || !connected || key.agentId() == null);
  }

  /** A queue call an agent answered (counted when it connects, still on the call or not). */
  boolean answeredFromQueue() {
    return connected && key.queue() != null && key.agentId() != null;
  }

  boolean handled() {
    return connected && key.agentId() != null && !"CONNECTED".equals(outcome);
  }

  CallFact withCall(String outcome, long talkSeconds, Long endedAt) {
    return new CallFact(
        callId,
        slot,
        key,
        objectiveTitle,
        callerNumber,
        callerName,
        outcome,
        connected,
        talkSeconds,
        startedAtMillis,
        endedAt,
        disposition,
        undisposed,
        codes,
        requiredCompliance,
        answeredInTarget);
  }

  CallFact withDisposition(Disposition d, boolean undisposed) {
    return new CallFact(
        callId,
        slot,
        key,
        objectiveTitle,
        callerNumber,
        callerName,
        outcome,
        connected,
        talkSeconds,
        startedAtMillis,
        endedAtMillis,
        d,
        undisposed,
        codes,
        requiredCompliance,
        answeredInTarget);
  }
}
