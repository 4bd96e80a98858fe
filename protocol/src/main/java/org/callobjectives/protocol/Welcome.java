package org.callobjectives.protocol;

/** The server accepted the agent; {@code callsReplayed} pops follow for calls still open for this agent. */
public record Welcome(String agentId, String displayName, long serverTimeMillis) implements Message {}
