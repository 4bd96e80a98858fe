package org.callobjectives.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * First message from an agent-bridge: who it is and its access token; {@code resume}, when the
 * bridge holds one, is the ticket of an earlier Welcome, which the server checks before the token
 * (no slow hash: thousands of agents sign in again at once after a server restart).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Hello(String agentId, String token, String client, String resume) implements Message {
  public Hello(String agentId, String token, String client) {
    this(agentId, token, client, null);
  }
}
