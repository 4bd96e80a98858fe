package org.callobjectives.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where an agent stands, pushed to the agent's client and to supervisors whenever it changes.
 * {@code state} is one of the constants below; {@code reason} is the pause reason (e.g. {@code
 * wrap-up} for a forced wrap-up set by the server, {@code lunch} set by the agent); {@code
 * pendingWrapUps} counts the agent's calls still waiting for a disposition.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentState(
    String agentId,
    String state,
    String reason,
    long sinceMillis,
    int pendingWrapUps,
    boolean forcedWrapUp)
    implements Message {

  public static final String READY = "ready";
  public static final String RINGING = "ringing";
  public static final String ON_CALL = "on_call";
  public static final String WRAP_UP = "wrap_up";
  public static final String PAUSED = "paused";
  public static final String OFFLINE = "offline";
}
