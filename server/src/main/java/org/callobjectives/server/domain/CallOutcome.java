package org.callobjectives.server.domain;

/** Where a tracked call stands or how it ended. */
public enum CallOutcome {
  CONNECTED,
  COMPLETED,
  ABANDONED,
  TIMED_OUT,
  /** The AMI link or Asterisk went away and the call was not there any more when we came back. */
  INTERRUPTED
}
