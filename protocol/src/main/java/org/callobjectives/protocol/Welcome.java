package org.callobjectives.protocol;

/**
 * The server accepted the agent; pops for its calls still open or in wrap-up follow (marked
 * replay).
 */
public record Welcome(String agentId, String displayName, long serverTimeMillis)
    implements Message {}
