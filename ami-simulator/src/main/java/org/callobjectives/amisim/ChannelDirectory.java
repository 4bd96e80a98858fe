package org.callobjectives.amisim;

import java.util.List;

/**
 * The live state behind the list actions; each method returns the list events without ActionID (the
 * server adds it), in the order Asterisk would send them. Lists not overridden are empty.
 */
public interface ChannelDirectory {

  /** A directory with no channels, queues or callers (e.g. for trace replay). */
  ChannelDirectory EMPTY = new ChannelDirectory() {};

  /** {@code CoreShowChannel} events, one per active channel. */
  default List<AmiEvent> coreShowChannels() {
    return List.of();
  }

  /**
   * Per queue: a {@code QueueParams} event, its {@code QueueMember}s, then its {@code QueueEntry}s.
   */
  default List<AmiEvent> queueStatus() {
    return List.of();
  }

  /** {@code QueueSummary} events, one per queue. */
  default List<AmiEvent> queueSummary() {
    return List.of();
  }

  /** {@code Status} events, one per active channel. */
  default List<AmiEvent> status() {
    return List.of();
  }
}
