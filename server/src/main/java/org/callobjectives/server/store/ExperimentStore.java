package org.callobjectives.server.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The experiments' counts: assigned calls with a stored disposition, per variant over time. */
public interface ExperimentStore {
  /**
   * Width of the time slices counts come in: a quarter of an hour, so that the slices fold into
   * local days exactly in every time zone (offsets are whole quarters of an hour).
   */
  long SLICE_MILLIS = 15 * 60 * 1000L;

  /**
   * An experiment's counts per variant and slice of {@link #SLICE_MILLIS} (by the disposition's
   * time): calls assigned to the variant whose agent stored a disposition (a missed wrap-up is no
   * outcome and is left out), and how many of them had the advance obtained. Oldest first.
   */
  CompletableFuture<List<ExperimentCount>> counts(String experimentId);

  /** One variant's counts in one slice starting at {@code sliceStartMillis}. */
  record ExperimentCount(String variant, long sliceStartMillis, long calls, long advances) {}
}
