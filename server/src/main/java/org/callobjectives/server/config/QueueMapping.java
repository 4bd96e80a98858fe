package org.callobjectives.server.config;

import java.time.Duration;
import java.util.List;
import org.callobjectives.protocol.DispositionCode;

/**
 * What a queue's calls get: the objective, the allowed disposition codes, the queue's maximum wait
 * (a QueueCallerAbandon whose hold time reaches it is a time-out, not an abandon), and whether the
 * agent is paused in Asterisk until the call's disposition is in ({@code forcedWrapUp}).
 */
public record QueueMapping(
    String queue,
    String objectiveId,
    List<DispositionCode> codes,
    Duration maxWait,
    boolean forcedWrapUp) {
  public QueueMapping {
    codes = List.copyOf(codes);
  }

  public QueueMapping(
      String queue, String objectiveId, List<DispositionCode> codes, Duration maxWait) {
    this(queue, objectiveId, codes, maxWait, false);
  }
}
