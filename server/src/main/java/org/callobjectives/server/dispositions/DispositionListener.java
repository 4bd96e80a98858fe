package org.callobjectives.server.dispositions;

import org.callobjectives.protocol.DispositionSubmit;

/** Told after a disposition is committed (never for a duplicate); runs on the store's writer thread. */
public interface DispositionListener {
  void stored(String agentId, DispositionSubmit d, boolean late);

  /** The wrap-up deadline passed without a disposition: stored as UNDISPOSED. */
  default void undisposed(String agentId, String callId) {}
}
