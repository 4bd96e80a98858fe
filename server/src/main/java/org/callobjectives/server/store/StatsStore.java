package org.callobjectives.server.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the live figures and reviews read: call legs with their disposition, by start time. */
public interface StatsStore {
  /** Every call leg that started in [fromMillis, toMillis), oldest first. */
  CompletableFuture<List<StatsRow>> rows(long fromMillis, long toMillis);

  /**
   * The legs that started in [fromMillis, toMillis), counted per agent, objective and code by the
   * database.
   */
  CompletableFuture<List<StatsTotals>> totals(long fromMillis, long toMillis);

  /**
   * The commitments (advances obtained) of calls that started in [fromMillis, toMillis), per agent
   * and objective, with their latest answers up to now.
   */
  CompletableFuture<List<CommitmentTotals>> commitments(long fromMillis, long toMillis);
}
