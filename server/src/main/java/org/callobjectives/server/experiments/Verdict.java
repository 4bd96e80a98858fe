package org.callobjectives.server.experiments;

/** What the sequential test says about one variant against the control. */
public enum Verdict {
  /** Fewer calls than the minimum in this variant or the control: the test says nothing yet. */
  NOT_ENOUGH_DATA,
  /** No difference shown yet at the chosen error rate: keep the experiment running. */
  KEEP_RUNNING,
  /** The variant gets more advances than the control: safe to roll it out. */
  WINNER,
  /** The variant gets fewer advances than the control: keep the control, stop the variant. */
  LOSER
}
