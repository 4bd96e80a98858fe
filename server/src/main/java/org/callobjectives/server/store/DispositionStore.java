package org.callobjectives.server.store;

import java.util.concurrent.CompletableFuture;
import org.callobjectives.protocol.DispositionSubmit;

/** The agents' dispositions: each stored once, durably, for the call's own agent. */
public interface DispositionStore {
  /**
   * Checks a disposition against the stored call; throws {@link DispositionRejected} to refuse it.
   */
  interface DispositionCheck {
    void check(StoredCall call, DispositionSubmit d) throws DispositionRejected;
  }

  /**
   * Stores the agent's disposition once: a second one for the same call and agent returns the
   * first. An UNDISPOSED placeholder (wrap-up missed) is replaced and the row marked late.
   */
  CompletableFuture<SavedDisposition> saveDisposition(
      String agentId, DispositionSubmit d, DispositionCheck check);

  /** Records that the wrap-up deadline passed without a disposition; false if one was there. */
  CompletableFuture<Boolean> markUndisposed(String callId, String agentId);

  /**
   * At start: ended calls whose wrap-up has passed without a disposition become UNDISPOSED. Calls a
   * previous run left open are not touched: call tracking takes them back and asks Asterisk whether
   * they are still up. Returns how many calls were marked.
   */
  CompletableFuture<Integer> recoverAfterRestart(long nowMillis, long wrapUpMillis);

  /** Whether the last write succeeded. */
  boolean writable();
}
