package org.callobjectives.server.store;

/**
 * One call leg with its disposition (if any) as the statistics need it; {@code code} is null when
 * there is no disposition yet and {@link Store#UNDISPOSED} when the wrap-up was missed; {@code
 * holdSeconds} is how long the caller waited in the queue.
 */
public record StatsRow(
    String callId,
    String queue,
    String agentId,
    String objectiveId,
    String objectiveTitle,
    String outcome,
    long talkSeconds,
    long startedAtMillis,
    Long connectedAtMillis,
    Long endedAtMillis,
    String callerNumber,
    String callerName,
    String code,
    boolean advance,
    int upsellCount,
    Integer csat,
    boolean sale,
    int complianceRequired,
    int complianceDone,
    long holdSeconds) {}
