package org.callobjectives.amisim;

import java.util.List;

/**
 * The live state behind the list actions; each method returns the list events without ActionID
 * (the server adds it), in the order Asterisk would send them.
 */
public interface ChannelDirectory {

    /** A directory with no channels, queues or callers (e.g. for trace replay). */
    ChannelDirectory EMPTY = new ChannelDirectory() {
        @Override
        public List<AmiEvent> coreShowChannels() {
            return List.of();
        }

        @Override
        public List<AmiEvent> queueStatus() {
            return List.of();
        }

        @Override
        public List<AmiEvent> queueSummary() {
            return List.of();
        }

        @Override
        public List<AmiEvent> status() {
            return List.of();
        }
    };

    /** {@code CoreShowChannel} events, one per active channel. */
    List<AmiEvent> coreShowChannels();

    /** Per queue: a {@code QueueParams} event, its {@code QueueMember}s, then its {@code QueueEntry}s. */
    List<AmiEvent> queueStatus();

    /** {@code QueueSummary} events, one per queue. */
    List<AmiEvent> queueSummary();

    /** {@code Status} events, one per active channel. */
    List<AmiEvent> status();
}
