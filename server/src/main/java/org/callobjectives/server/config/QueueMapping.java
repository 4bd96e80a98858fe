package org.callobjectives.server.config;

import java.time.Duration;
import java.util.List;
import org.callobjectives.protocol.DispositionCode;

/**
 * What a queue's calls get: the objective, the allowed disposition codes, and the queue's maximum
 * wait (a QueueCallerAbandon whose hold time reaches it is a time-out, not an abandon).
 */
public record QueueMapping(String queue, String objectiveId, List<DispositionCode> codes, Duration maxWait) {
  public QueueMapping {
    codes = List.copyOf(codes);
  }
}
