package org.callobjectives.server.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.callobjectives.server.domain.CallRecord;

/** The calls' rows: written as calls progress, read back after a restart. */
public interface CallStore {
  /**
   * Inserts or updates one call leg. If the database refuses writes the row is held in memory and
   * retried; the future still completes (the call goes on either way).
   */
  default CompletableFuture<Void> upsertCall(CallRecord r) {
    return upsertCall(r, 0, false);
  }

  /**
   * As {@link #upsertCall(CallRecord)}, with what the end of an agent's call tells other nodes: its
   * wrap-up deadline and whether the agent is held paused until the disposition.
   */
  CompletableFuture<Void> upsertCall(CallRecord r, long wrapUpDeadlineMillis, boolean forcedWrapUp);

  /** Calls a previous run left open (connected when it stopped), oldest first. */
  CompletableFuture<List<CallRecord>> openCalls();

  /** Agents' ended calls still waiting for a disposition, oldest first. */
  CompletableFuture<List<CallRecord>> callsAwaitingDisposition();

  /**
   * Ids of the calls that started since {@code sinceMillis}, newest last (at most {@code limit}).
   */
  CompletableFuture<List<String>> callIdsSince(long sinceMillis, int limit);

  /** Call rows waiting for the database to accept writes again. */
  int unsavedCalls();

  /** Call rows given up because the database stayed unwritable while too many piled up. */
  long lostCallRows();
}
