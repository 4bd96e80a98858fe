package org.callobjectives.server.store;

/**
 * A customer's dispositioned call as the chain of advances needs it: the caller number, where the
 * call was (queue, stage, objective) and how it ended (code, advance obtained, when).
 */
public record CallerOutcome(
    String callerNumber,
    String callId,
    String queue,
    String stage,
    String objectiveId,
    String code,
    boolean advanceObtained,
    long atMillis) {}
