package org.callobjectives.server.config;

import java.time.Duration;
import java.util.List;
import org.callobjectives.protocol.DispositionCode;

/**
 * What a queue's calls get: the objective, the allowed disposition codes, the queue's maximum wait
 * (a QueueCallerAbandon whose hold time reaches it is a time-out, not an abandon), whether the
 * agent is paused in Asterisk until the call's disposition is in ({@code forcedWrapUp}), and the
 * service-level threshold (a call answered within that many seconds counts as answered in time) and
 * the CRM screen-pop its agents' browsers open on answer (null for none).
 */
public record QueueMapping(
    String queue,
    String objectiveId,
    List<DispositionCode> codes,
    Duration maxWait,
    boolean forcedWrapUp,
    int serviceLevelSeconds,
    ScreenPop screenPop) {
  /** The usual "80 % within 20 seconds" threshold when a queue names none. */
  public static final int DEFAULT_SERVICE_LEVEL_SECONDS = 20;

  public QueueMapping {
    codes = List.copyOf(codes);
  }

  public QueueMapping(
      String queue,
      String objectiveId,
      List<DispositionCode> codes,
      Duration maxWait,
      boolean forcedWrapUp,
      int serviceLevelSeconds) {
    this(queue, objectiveId, codes, maxWait, forcedWrapUp, serviceLevelSeconds, null);
  }

  public QueueMapping(
      String queue,
      String objectiveId,
      List<DispositionCode> codes,
      Duration maxWait,
      boolean forcedWrapUp) {
    this(queue, objectiveId, codes, maxWait, forcedWrapUp, DEFAULT_SERVICE_LEVEL_SECONDS);
  }

  public QueueMapping(
      String queue, String objectiveId, List<DispositionCode> codes, Duration maxWait) {
    this(queue, objectiveId, codes, maxWait, false);
  }
}
