package org.callobjectives.protocol;

/** The call is over; the agent has until {@code wrapUpDeadlineMillis} to submit the disposition. */
public record CallEnded(
    String callId, long endedAtMillis, String reason, long wrapUpDeadlineMillis) implements Message {}
