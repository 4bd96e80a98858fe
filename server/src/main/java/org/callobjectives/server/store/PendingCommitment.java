package org.callobjectives.server.store;

/**
 * A customer's latest advance obtained (the disposition of {@code callId} by {@code agentId}), with
 * the objective's advance and time frame as that call's pop showed them; {@code settled} once a
 * later call answered it kept or not kept.
 */
public record PendingCommitment(
    String callerNumber,
    String callId,
    String agentId,
    String objectiveId,
    String advance,
    String timeFrame,
    long atMillis,
    boolean settled) {

  /** The same commitment, settled. */
  public PendingCommitment asSettled() {
    return new PendingCommitment(
        callerNumber, callId, agentId, objectiveId, advance, timeFrame, atMillis, true);
  }

  /** Whether both name the same disposition. */
  public boolean sameAs(PendingCommitment o) {
    return callId.equals(o.callId) && agentId.equals(o.agentId);
  }
}
