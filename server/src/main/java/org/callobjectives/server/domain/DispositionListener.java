package org.callobjectives.server.domain;

import org.callobjectives.protocol.DispositionSubmit;

/**
 * Told after a disposition is committed (never for a duplicate); runs on the store's writer thread.
 */
public interface DispositionListener {
  default void stored(String agentId, DispositionSubmit d, boolean late) {}

  /** The wrap-up deadline passed without a disposition: stored as UNDISPOSED. */
  default void undisposed(String agentId, String callId) {}

  /**
   * The call's wrap-up deadline passed: over whether UNDISPOSED was stored now or a disposition was
   * stored before (e.g. while the call was still up), so anything held for the call can go.
   */
  default void wrapUpOver(String agentId, String callId) {}

  /**
   * The call needs nothing more from its agent: a disposition was stored (or arrived again), or the
   * wrap-up is over. Runs after the other notices and before the agent's ack is sent.
   */
  default void settled(String agentId, String callId) {}
}
