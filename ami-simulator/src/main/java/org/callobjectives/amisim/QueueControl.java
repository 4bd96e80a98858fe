package org.callobjectives.amisim;

/** The queue actions that change state (QueuePause), answered by whatever simulates the queues. */
@FunctionalInterface
public interface QueueControl {

  /** No queues: every interface is unknown, as on an Asterisk without queue members. */
  QueueControl NONE = (memberInterface, queue, paused, reason) -> "Interface not found";

  /**
   * Pauses or unpauses a member in one queue, or in all its queues when {@code queue} is null.
   *
   * @return null on success, else the error message Asterisk answers (e.g. {@code Interface not
   *     found})
   */
  String pause(String memberInterface, String queue, boolean paused, String reason);
}
