package org.callobjectives.server.store;

/**
 * One dispositioned call at a stage of a queue's chain of advances: who called, at which stage, who
 * answered, how it ended and when (the call's start, the disposition's storing).
 */
public record FunnelStep(
    String callerNumber,
    String callId,
    String stage,
    String agentId,
    String code,
    boolean advance,
    boolean doNotCall,
    long callStartedAtMillis,
    long dispositionAtMillis) {}
