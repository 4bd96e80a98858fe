package org.callobjectives.server.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the live figures and reviews read: call legs with their disposition, by start time. */
public interface StatsStore {
  /** Every call leg that started in [fromMillis, toMillis), oldest first. */
  CompletableFuture<List<StatsRow>> rows(long fromMillis, long toMillis);
}
