package org.callobjectives.protocol;

/** First message from an agent-bridge: who it is and its access token. */
public record Hello(String agentId, String token, String client) implements Message {}
