package org.callobjectives.server.domain;

/** Told when callers start and stop waiting in a queue, on the call-tracking thread. */
public interface QueueWaitListener {
  /** A caller started waiting in a queue (or was found waiting at login). */
  default void queueJoined(QueueCaller caller) {}

  /** The caller stopped waiting: answered, abandoned, timed out, redirected or gone. */
  default void queueLeft(QueueCaller caller) {}
}
