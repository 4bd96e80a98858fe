package org.callobjectives.server.domain;

/** Told of every change to a tracked call, on the call-tracking thread; must not block. */
public interface CallListener extends QueueWaitListener {
  /**
   * The agent's leg connected: time to pop. {@code amiReceivedNanos} is when the AMI event arrived.
   */
  void connected(CallRecord call, long amiReceivedNanos);

  /** The agent's leg ended (or an abandoned / timed-out wait was recorded). */
  void ended(CallRecord call);

  /** Details of an ended call changed (e.g. a late AgentComplete brought the talk time). */
  default void updated(CallRecord call) {}
}
