package org.callobjectives.protocol;

/**
 * The call is over; the agent has until {@code wrapUpDeadlineMillis} to submit the disposition.
 * {@code reason} is who ended it ({@code caller}, {@code agent}, {@code customer}, {@code
 * transfer}, {@link #INTERRUPTED} when the server lost sight of it: a restart or a lost AMI link;
 * it still takes a disposition). {@code forcedWrapUp} is true when the server paused the agent in
 * the queue until the disposition is stored or the deadline passes.
 */
public record CallEnded(
    String callId,
    long endedAtMillis,
    String reason,
    long wrapUpDeadlineMillis,
    boolean forcedWrapUp)
    implements Message {

  public static final String INTERRUPTED = "interrupted";

  public CallEnded(String callId, long endedAtMillis, String reason, long wrapUpDeadlineMillis) {
    this(callId, endedAtMillis, reason, wrapUpDeadlineMillis, false);
  }
}
